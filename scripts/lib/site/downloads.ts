/**
 * What the site lets a reader take away: every data file of data/manifest.json, copied into
 * site/data/ after checking its sha256 (readVerified), with its manifest entry on data.html; and
 * the run's outputs in site/downloads/ (findings.json, findings.md, a findings.csv written here,
 * mapping-sensitivity.md, the derived tables of build/tables/).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readManifest, readVerified, type FileSpec } from "../../../src/lib/data/manifest";
import { escapeHtml, formatValue } from "../../../src/lib/findings/render";
import type { Finding } from "../../../src/lib/findings/types";

/** The id of a data file's entry on data.html ("data/ssb/x.csv" → "file-data-ssb-x-csv"). */
export function dataAnchor(path: string): string {
  return `file-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** Copy every manifest file, verified, into `<site>/data/` (and the manifest itself); the entries, with their site paths. */
export function copyDataFiles(site: string, dataDir: string): { path: string; spec: FileSpec; bytes: number }[] {
  const manifest = readManifest(dataDir);
  mkdirSync(join(site, "data"), { recursive: true });
  copyFileSync(join(dataDir, "manifest.json"), join(site, "data", "manifest.json"));
  return manifest.files.map((spec) => {
    const bytes = readVerified(spec, dataDir); // throws ChecksumError when the file is not the manifest's
    const out = join(site, "data", spec.path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    return { path: `data/${spec.path}`, spec, bytes: bytes.length };
  });
}

const LAYER_WORDS: Record<FileSpec["layer"], string> = {
  published: "numbers transcribed from the report",
  open: "open data (SSB, KRD, TØI)",
  assumption: "the project's own inference, labelled as such",
};

/** data.html's body: one entry per data file, with what uses it. */
export function dataPageBody(files: { path: string; spec: FileSpec; bytes: number }[], findings: Finding[]): string {
  const entries = files
    .map(({ path, spec, bytes }) => {
      const users = findings.filter((f) => f.inputs.some((i) => i.split("#")[0] === path)).length;
      const rows: [string, string][] = [
        ["file", `<a href="${escapeHtml(path)}" download>${escapeHtml(path)}</a> (${bytes.toLocaleString("en")} bytes)`],
        ["sha256", `<code>${escapeHtml(spec.sha256)}</code> (checked when the site was built)`],
        ["layer", `${escapeHtml(spec.layer)}: ${escapeHtml(LAYER_WORDS[spec.layer])}`],
        [
          "source",
          `${escapeHtml(spec.source.document)}. ${escapeHtml(spec.source.location)}${spec.source.url ? ` — <code>${escapeHtml(spec.source.url)}</code>` : ""}`,
        ],
        ["licence", escapeHtml(spec.licence)],
        ...(spec.notes ? ([["notes", escapeHtml(spec.notes)]] as [string, string][]) : []),
        ["columns", spec.columns.map((c) => `<code>${escapeHtml(c.name)}</code>`).join(", ")],
        [
          "used by",
          users
            ? `<a href="index.html?q=${encodeURIComponent(path)}#findings-heading">${users} finding${users === 1 ? "" : "s"}</a>`
            : "no finding names it as an input",
        ],
      ];
      return `<section class="data-file" id="${dataAnchor(path)}"><h2>${escapeHtml(spec.title)}</h2><dl class="colophon">${rows
        .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
        .join("")}</dl></section>`;
    })
    .join("");
  return `<h1>Data files</h1><p class="lead">Every input of the reproduction, as listed in <a href="data/manifest.json"><code>data/manifest.json</code></a> (columns, key, checks, source, licence, sha256). Each file was checked against its sha256 before it was copied here; a finding's notes link its inputs to these entries.</p>${entries}`;
}

const CSV_COLUMNS = [
  "id",
  "kind",
  "chapter",
  "section",
  "claim",
  "published",
  "computed",
  "unit",
  "tolerance",
  "rule",
  "verdict",
  "robustness",
  "inputs",
  "notebook",
  "cell",
  "note",
] as const;

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvValue(f: Finding, c: (typeof CSV_COLUMNS)[number]): string {
  switch (c) {
    case "published":
    case "computed": {
      const v = f[c];
      // numbers unrounded (as in findings.json), ranges "low..high", comparisons "holds" / "does not hold"
      if (typeof v === "number") return String(v);
      if (Array.isArray(v)) return `${v[0]}..${v[1]}`;
      return v === null ? "" : formatValue(v);
    }
    case "robustness":
      return f.robustness.status;
    case "inputs":
      return f.inputs.join("; ");
    case "chapter":
    case "tolerance":
      return String(f[c]);
    case "cell":
      return f.cell === undefined ? "" : String(f.cell);
    default:
      return f[c] ?? "";
  }
}

/** The findings as CSV (RFC 4180 quoting): one row per finding, the columns of CSV_COLUMNS. */
export function findingsCsv(findings: Finding[]): string {
  const rows = findings.map((f) => CSV_COLUMNS.map((c) => csvField(csvValue(f, c))).join(","));
  return `${CSV_COLUMNS.join(",")}\n${rows.join("\n")}\n`;
}

export interface Download {
  href: string;
  label: string;
  bytes: number;
}

/** Copy the run's outputs that exist into `<site>/downloads/`; write findings.csv; list them (tables last, by name). */
export function copyDownloads(build: string, site: string, findings: Finding[]): { files: Download[]; tables: Download[] } {
  const dir = join(site, "downloads");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "findings.csv"), findingsCsv(findings));
  const files: Download[] = [];
  const described: [string, string][] = [
    ["findings.json", "every finding with all its fields (the build's record)"],
    ["findings.csv", "the same, one row per finding (written for the site)"],
    ["findings.md", "the same as a readable table"],
    ["mapping-sensitivity.md", "mapping-dependent findings under each region mapping"],
    ["changes-since-reviewed.md", "what changed since the reviewed record"],
  ];
  for (const [name, label] of described) {
    const from = join(build, name);
    if (name !== "findings.csv") {
      if (!existsSync(from)) continue;
      copyFileSync(from, join(dir, name));
    }
    files.push({ href: `downloads/${name}`, label, bytes: statSync(join(dir, name)).size });
  }
  const tablesDir = join(build, "tables");
  const tables: Download[] = [];
  if (existsSync(tablesDir)) {
    mkdirSync(join(dir, "tables"), { recursive: true });
    for (const name of readdirSync(tablesDir).sort()) {
      if (!statSync(join(tablesDir, name)).isFile()) continue;
      copyFileSync(join(tablesDir, name), join(dir, "tables", name));
      tables.push({ href: `downloads/tables/${name}`, label: name, bytes: statSync(join(tablesDir, name)).size });
    }
  }
  return { files, tables };
}

/** The index's downloads section. */
export function downloadsHtml(d: { files: Download[]; tables: Download[] }, dataFiles: number): string {
  const size = (b: number): string => (b >= 1024 ? `${Math.round(b / 1024).toLocaleString("en")} kB` : `${b} bytes`);
  const files = d.files.map(
    (f) =>
      `<li><a href="${escapeHtml(f.href)}" download>${escapeHtml(f.href.replace(/^downloads\//, ""))}</a> — ${escapeHtml(f.label)} (${size(f.bytes)})</li>`,
  );
  const byBase = new Map<string, Download[]>();
  for (const t of d.tables) {
    const base = t.label.replace(/\.(csv|md|parquet)$/, "");
    byBase.set(base, [...(byBase.get(base) ?? []), t]);
  }
  const tables = [...byBase.entries()]
    .map(
      ([base, ts]) =>
        `<li>${escapeHtml(base)}: ${ts.map((t) => `<a href="${escapeHtml(t.href)}" download>${escapeHtml(t.label.slice(base.length + 1))}</a>`).join(" · ")}</li>`,
    )
    .join("");
  return (
    `<h2 id="downloads">Downloads</h2><ul class="downloads">${files.join("")}` +
    `<li><a href="data.html">the ${dataFiles} data files</a>, each with its manifest entry (source, licence, sha256)</li></ul>` +
    (d.tables.length
      ? `<details class="tables"><summary>The ${byBase.size} derived tables the notebook cells saved (${d.tables.length} files: CSV, Markdown, Parquet)</summary><ul class="small">${tables}</ul></details>`
      : "")
  );
}
