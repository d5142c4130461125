import { describe, expect, it } from "vitest";
import { toFlipMap, toItemStanding } from "./flip-map";
import { toFlipBins } from "./flip-map-bins";
import { plantedMatrix } from "./planted-matrix";
import { toItemMatrix } from "./to-item-matrix";

describe("toItemStanding", () => {
  it("names the size from which an item stays correct, items worse with scale, and items never correct", () => {
    expect(toItemStanding([false, false, true, true])).toEqual({ kind: "from", size: 2 });
    expect(toItemStanding([true, false, true, true])).toEqual({ kind: "from", size: 2 });
    expect(toItemStanding([true, true, true, true])).toEqual({ kind: "from", size: 0 });
    expect(toItemStanding([true, true, false, false])).toEqual({ kind: "worse", lastCorrect: 1 });
    expect(toItemStanding([false, true, false, false])).toEqual({ kind: "worse", lastCorrect: 1 });
    expect(toItemStanding([false, false, false, false])).toEqual({ kind: "never" });
  });
});

describe("toFlipMap", () => {
  const matrix = plantedMatrix({ items: 500, planted: 100, worse: 20, flipAt: 3 });
  const map = toFlipMap(matrix);

  it("shows the planted group settling at its size, and the step's share of flips", () => {
    const planted = map.rows.filter((r) => Number(r.key) < 100);
    expect(planted.every((r) => r.standing.kind === "from" && r.standing.size === 3)).toBe(true);
    const step = map.steps.find((s) => s.to === 3)!;
    // the 100 planted items plus background items that happen to flip
    expect(step.gained).toBeGreaterThanOrEqual(100 / 500);
    expect(step.settles).toBeGreaterThanOrEqual(100 / 500);
    for (const other of map.steps.filter((s) => s.to !== 3)) expect(other.gained).toBeLessThan(step.gained - 0.1);
  });

  it("marks items that get worse with scale and orders rows as a staircase", () => {
    const worse = map.rows.filter((r) => r.standing.kind === "worse").map((r) => Number(r.key));
    expect(worse.filter((k) => k >= 100 && k < 120)).toHaveLength(20);
    expect(map.worse).toBeGreaterThanOrEqual(20 / 500);
    const order = map.rows.map((r) => (r.standing.kind === "from" ? r.standing.size : r.standing.kind === "worse" ? 10 : 20));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(map.correctThroughout + map.worse + map.never + map.steps.reduce((a, s) => a + s.settles, 0)).toBeCloseTo(1, 12);
  });

  it("leaves out items some model did not score, and counts them", () => {
    const holed = { ...matrix, items: [...matrix.items, { key: "x", values: [1, null, 1, 1, 1, 1] }] };
    const m = toFlipMap(holed);
    expect(m.incomplete).toBe(1);
    expect(m.rows).toHaveLength(500);
  });

  it("folds 12,000 items into a few hundred bins that keep every item", () => {
    const big = toFlipMap(plantedMatrix({ items: 12_000, planted: 3_000, worse: 100, flipAt: 4 }));
    const bins = toFlipBins(big, 6);
    expect(bins.length).toBeLessThanOrEqual(240);
    expect(bins[0].from).toBe(0);
    expect(bins.at(-1)!.to).toBe(12_000);
    const correctAtLargest = bins.reduce((a, b) => a + b.correct[5] * (b.to - b.from), 0);
    expect(correctAtLargest).toBe(big.rows.filter((r) => r.correct[5]).length);
  });
});

describe("toItemMatrix", () => {
  it("places each stored score in its model's column and leaves gaps as null", () => {
    const models = [{ model: "big", x: 2e9, checkpoint: 7 }, { model: "small", x: 1e8, checkpoint: 3 }].sort((a, b) => a.x - b.x);
    const matrix = toItemMatrix(models, [
      { checkpoint: 7, keys: ["1", "2"], values: [1, 0.5] },
      { checkpoint: 3, keys: ["1"], values: [0] },
      { checkpoint: 99, keys: ["3"], values: [1] },
    ]);
    expect(matrix.models.map((m) => m.model)).toEqual(["small", "big"]);
    expect(matrix.items).toEqual([{ key: "1", values: [0, 1] }, { key: "2", values: [null, 0.5] }]);
  });
});
