"""The benchmark's kernels in pandas, as an analyst would write them (bench/pandas.ts drives this).

A line-per-command server on stdin/stdout (JSON): `load` reads the synthetic panel that bench/pandas.ts
wrote (raw little-endian columns: region/sector/year codes, values, the shuffle permutation, the mapping)
and builds the four frames (string or int keys x sorted or shuffled rows); `run` times one kernel
(time.perf_counter for wall, time.process_time for CPU: all threads of this process); `check` runs one
and writes its full output (keys as codes) for bench/pandas.ts to compare with the library's. Each kernel
makes the same checks as the library and refuses the same bad input (ValueError).
"""
import json
import os
import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # the bench reports pandas as absent
    print(json.dumps({"absent": f"{type(e).__name__}: {e}"}), flush=True)
    sys.exit(0)

LIMIT = 2**53 - 1
NAMES = {"region": "M%05d", "sector": "S%03d", "target": "R%04d", "type": "T%d"}


def names(kind, codes):
    """Codes to the string keys bench/synthetic.ts uses (one shared str per distinct key)."""
    table = np.array([NAMES[kind] % i for i in range(int(codes.max()) + 1)], dtype=object)
    return table[codes]


def lq(df):
    v = df["value"].to_numpy()
    if not (np.isfinite(v).all() and (v >= 0).all()):
        raise ValueError("a value is not finite and >= 0")
    if df.duplicated(["year", "region", "sector"]).any():
        raise ValueError("duplicate key")
    rt = df.groupby(["year", "region"])["value"].transform("sum")
    if (rt == 0).any():
        raise ValueError("zero region total")
    st = df.groupby(["year", "sector"])["value"].transform("sum")
    tt = df.groupby("year")["value"].transform("sum")
    out = df[["year", "region", "sector"]].copy()
    out["share"] = df["value"] / rt * 100
    out["reference_share"] = st / tt * 100
    out["lq"] = (out["share"] / out["reference_share"]).where(out["reference_share"] > 0)
    return out.sort_values(["year", "region", "sector"]).reset_index(drop=True)


def diversity(df):
    v = df["value"].to_numpy()
    if not (np.isfinite(v).all() and (v >= 0).all()):
        raise ValueError("a value is not finite and >= 0")
    if df.duplicated(["year", "region", "sector"]).any():
        raise ValueError("duplicate key")
    tot = df.groupby(["year", "region"])["value"].transform("sum")
    if (tot == 0).any():
        raise ValueError("zero region total")
    p = (df["value"] / tot).to_numpy()
    parts = pd.DataFrame({"year": df["year"], "region": df["region"], "plnp": np.where(p > 0, p * np.log(np.where(p > 0, p, 1)), 0.0), "p2": p * p})
    g = parts.groupby(["year", "region"], sort=True).agg(plnp=("plnp", "sum"), hhi=("p2", "sum"), n_sectors=("p2", "size")).reset_index()
    shannon = np.maximum(0.0, -g["plnp"])
    n = g["n_sectors"]
    return pd.DataFrame(
        {
            "year": g["year"],
            "region": g["region"],
            "shannon": shannon,
            "shannon_normalized": (shannon / np.log(n.where(n > 1))),
            "hhi": g["hhi"],
            "n_sectors": n,
        }
    )


def shift_share(df, first, last):
    a = df.loc[df["year"] == first, ["region", "sector", "value"]]
    b = df.loc[df["year"] == last, ["region", "sector", "value"]]
    for x in (a, b):
        v = x["value"].to_numpy()
        if not (np.isfinite(v).all() and (v >= 0).all()):
            raise ValueError("a value is not finite and >= 0")
        if x.duplicated(["region", "sector"]).any():
            raise ValueError("duplicate key")
    m = a.merge(b, on=["region", "sector"], how="outer", suffixes=("_from", "_to"), indicator=True)
    if (m["_merge"] != "both").any():
        raise ValueError("a region-sector lacks a year")
    e0 = m.groupby("sector")["value_from"].transform("sum")
    e1 = m.groupby("sector")["value_to"].transform("sum")
    if (e0 == 0).any():
        raise ValueError("the reference has no employment in a sector")
    g = m["value_to"].sum() / m["value_from"].sum() - 1
    out = m[["region", "sector", "value_from", "value_to"]].copy()
    out["national"] = out["value_from"] * g
    out["industry_mix"] = out["value_from"] * (e1 / e0 - 1 - g)
    out["regional_share"] = out["value_to"] - out["value_from"] - out["national"] - out["industry_mix"]
    out["actual"] = out["value_to"] - out["value_from"]
    return out.sort_values(["region", "sector"]).reset_index(drop=True)


def aggregate(df, mapping):
    v = df["value"].to_numpy()
    if not (np.isfinite(v).all() and (np.abs(v) <= LIMIT).all()):
        raise ValueError("a value is not finite or beyond 2^53 - 1")
    if not df["municipality"].isin(mapping["municipality"]).all():
        raise ValueError("a municipality is not in the mapping")
    if df.duplicated(["municipality", "year", "sector"]).any():
        raise ValueError("duplicate key")
    j = df.merge(mapping, on="municipality", how="left")
    out = j.groupby(["region", "region_type", "year", "sector"], sort=True)["value"].sum().reset_index()
    if (out["value"].abs() > LIMIT).any():
        raise ValueError("a sum beyond 2^53 - 1")
    return out


class Data:
    def __init__(self, d):
        col = lambda name, t: np.fromfile(os.path.join(d["dir"], name), dtype=t)
        region, sector, year, value = col("region.i32", "<i4"), col("sector.i32", "<i4"), col("year.i32", "<i4"), col("value.f64", "<f8")
        perm = col("perm.i32", "<i4")
        target = col("target.i32", "<i4")  # region of each municipality code
        self.first, self.last = d["first"], d["last"]
        self.frames, self.maps = {}, {}
        for keys in ("string", "int32"):
            r, s = (names("region", region), names("sector", sector)) if keys == "string" else (region, sector)
            base = pd.DataFrame({"region": r, "sector": s, "year": year, "value": value})
            self.frames[(keys, "sorted")] = base
            self.frames[(keys, "shuffled")] = base.iloc[perm].reset_index(drop=True)
            muni = np.arange(len(target), dtype=np.int32)
            types = target % 4
            self.maps[keys] = (
                pd.DataFrame({"municipality": names("region", muni), "region": names("target", target), "region_type": names("type", types)})
                if keys == "string"
                else pd.DataFrame({"municipality": muni, "region": target, "region_type": types})
            )

    def run(self, kernel, keys, order):
        df = self.frames[(keys, order)]
        if kernel == "lq":
            return lq(df)
        if kernel == "diversity":
            return diversity(df)
        if kernel == "shift-share":
            return shift_share(df, self.first, self.last)
        if kernel == "aggregate":
            return aggregate(df.rename(columns={"region": "municipality"}), self.maps[keys])
        raise ValueError(f"unknown kernel {kernel}")


def codes(col):
    """A key column as float64 codes (strings like M00012 -> 12), for the comparison."""
    if col.dtype == object:
        return col.str.slice(1).astype(np.int64).to_numpy(dtype=np.float64)
    return col.to_numpy(dtype=np.float64)


def main():
    print(json.dumps({"ready": f"pandas {pd.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}"}), flush=True)
    data = None
    for line in sys.stdin:
        req = json.loads(line)
        try:
            if req["cmd"] == "load":
                data = None
                data = Data(req)
                print(json.dumps({"ok": True}), flush=True)
            elif req["cmd"] == "run":
                calls = int(req.get("calls", 1))
                c0, t0 = time.process_time(), time.perf_counter()
                for _ in range(calls):
                    data.run(req["kernel"], req["keys"], req["order"])
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                print(json.dumps({"wall": wall / calls, "cpu": cpu / calls}), flush=True)
            elif req["cmd"] == "check":
                out = data.run(req["kernel"], req["keys"], req["order"])
                cols = list(out.columns)
                for c in cols:
                    codes(out[c]).astype("<f8").tofile(os.path.join(req["out"], c + ".f64"))
                print(json.dumps({"columns": cols, "rows": len(out)}), flush=True)
            elif req["cmd"] == "rss":
                print(json.dumps({"kB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), flush=True)
            else:
                raise ValueError(f"unknown command {req['cmd']}")
        except Exception as e:  # one line back; the bench reports it
            print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)


if __name__ == "__main__":
    main()
