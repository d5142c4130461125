import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "./benjamini-hochberg";
import { holmAdjust } from "./holm";

// Reference values from R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") and "holm".
describe("p-value adjustments", () => {
  it("matches R's Benjamini–Hochberg, skipping nulls", () => {
    const adjusted = benjaminiHochberg([0.01, null, 0.04, 0.03, 0.005]);
    expect(adjusted[1]).toBeNull();
    [0.02, null, 0.04, 0.04, 0.02].forEach((v, i) => (v === null ? null : expect(adjusted[i]).toBeCloseTo(v, 12)));
  });

  it("matches R's Holm", () => {
    holmAdjust([0.01, 0.04, 0.03, 0.005]).forEach((v, i) => expect(v).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i], 12));
  });

  it("caps at 1 and handles empty input", () => {
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
