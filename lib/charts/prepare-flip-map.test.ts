import { describe, expect, it } from "vitest";
import type { ItemsResponse } from "@/lib/schemas/items";
import { prepareFlipMap, shareColour } from "./prepare-flip-map";

const test = (from: string, to: string, effect: number, significant: boolean) => ({
  from, to, n: 100, both: 0, firstOnly: 0, secondOnly: 0, neither: 0, p: 0.5, pAdjusted: 0.5, effect, interval: [effect - 0.1, effect + 0.1] as [number, number], significant,
});

const data: ItemsResponse = {
  task: "arith", metric: "exact_match", shots: 0, filter: "none", family: "Fam", families: ["Fam"], x: "params",
  models: [7e7, 4.1e8, 1.4e9].map((x, i) => ({ model: `m${i}`, x, items: 100, mean: 0.2 * i, interval: [0, 1] as [number, number], reported: 0.2 * i, againstChance: null })),
  chance: null,
  complete: 100, incomplete: 0,
  flipMap: {
    bins: [
      { from: 0, to: 75, correct: [0, 0, 1], mean: [0, 0, 1], worse: 0 },
      { from: 75, to: 100, correct: [1, 0, 0], mean: [1, 0, 0], worse: 1 },
    ],
    steps: [], correctThroughout: 0, worse: 0.25, never: 0,
  },
  rows: { offset: 0, limit: 50, items: [] },
  pairedTests: [test("m0", "m1", -0.25, true), test("m1", "m2", 0.75, true)],
  mirage: { scores: [], items: 0, comparison: null, adds: "" },
};

describe("prepareFlipMap", () => {
  it("places one column per size and one row per bin in proportion to its items", () => {
    const map = prepareFlipMap(data);
    expect(map.columns.map((c) => c.label)).toEqual(["70M", "410M", "1.4B"]);
    expect(map.rows.map((r) => [r.y, r.height])).toEqual([[0, 240], [240, 80]]);
    expect(map.rows[0].cells).toEqual([shareColour(0), shareColour(0), shareColour(1)]);
    expect(map.rows.map((r) => r.worse)).toEqual([false, true]);
  });

  it("marks the steps where the paired test finds a change, and names the real rises", () => {
    const map = prepareFlipMap(data);
    expect(map.steps.map((s) => [s.significant, s.up])).toEqual([[true, false], [true, true]]);
    expect(map.ariaLabel).toBe("Flip map of 100 items of arith (exact_match) across 3 sizes of Fam; paired tests find a real rise at 1.4B");
  });

  it("runs from light for no item correct to dark for all", () => {
    expect(shareColour(0)).toBe("rgb(238, 238, 238)");
    expect(shareColour(1)).toBe("rgb(23, 63, 136)");
    expect(shareColour(2)).toBe(shareColour(1));
  });
});
