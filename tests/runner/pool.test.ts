import { describe, expect, it } from "vitest";
import { mapLimit } from "../../scripts/lib/pool";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapLimit", () => {
  it("keeps the items' order in the results and never has more than `limit` calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    // item i takes (5 - i) × 5 ms, so later items finish first
    const r = await mapLimit([0, 1, 2, 3, 4], 2, async (x) => {
      started.push(x);
      most = Math.max(most, ++inFlight);
      await tick((5 - x) * 5);
      inFlight--;
      return x * 10;
    });
    expect(r).toEqual([0, 10, 20, 30, 40]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects with the first failure and starts no item after it", async () => {
    const started: number[] = [];
    const p = mapLimit([0, 1, 2, 3], 1, async (x) => {
      started.push(x);
      if (x === 1) throw new Error("item 1 failed");
      return x;
    });
    await expect(p).rejects.toThrow("item 1 failed");
    expect(started).toEqual([0, 1]);
  });

  it("runs one at a time with limit 1, handles no items, refuses a limit below 1", async () => {
    const order: string[] = [];
    await mapLimit(["a", "b"], 1, async (x) => {
      order.push(`start ${x}`);
      await tick(2);
      order.push(`end ${x}`);
    });
    expect(order).toEqual(["start a", "end a", "start b", "end b"]);
    expect(await mapLimit([], 3, async () => 1)).toEqual([]);
    await expect(mapLimit([1], 0, async () => 1)).rejects.toThrow(/limit must be a whole number ≥ 1, found 0/);
    await expect(mapLimit([1], 1.5, async () => 1)).rejects.toThrow(RangeError);
  });
});
