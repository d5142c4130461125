import { describe, expect, it } from "vitest";
import { compareItemScores } from "./item-mirage";
import { sharedItemKeys, toItemCurve, type ItemScore } from "./to-item-curve";
import { PLANTED_SIZES } from "./planted-matrix";
import { createRandom } from "../random";

const models = PLANTED_SIZES.map((x, i) => ({ model: `m${i}`, x }));
const SHARP = { higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" as const };
const DISTANCE = { higherIsBetter: false, lowerBound: 0, upperBound: 1, kind: "continuous" as const };
const base = { id: "t|exact_match|0|none|params|Fam", groupId: "t|exact_match|0|none|params", family: "Fam", filter: "none", chance: (s: ItemScore) => (s.name === "exact_match" ? 0 : null) };

/**
 * 600 items whose answers approach the target steadily with size (token distance falls
 * by ~0.15 a size), scored exact only once the distance reaches 0: under exact match
 * nothing is right until size 4 and then most of it is, the mirage of Schaeffer et al.
 */
function mirageFamily(): { sharp: ItemScore; distance: ItemScore } {
  const random = createRandom(3);
  const distances = Array.from({ length: 600 }, (_, i) => {
    const offset = 0.05 * random.uniform();
    return { key: String(i), values: models.map((_, s) => Math.max(0, Math.min(1, 0.75 - 0.17 * s + offset))) };
  });
  const exact = distances.map((d) => ({ key: d.key, values: d.values.map((v) => (v === 0 ? 1 : 0)) }));
  return {
    sharp: { name: "exact_match", source: "stored", metric: SHARP, matrix: { models, items: exact } },
    distance: { name: "token_edit_distance", source: "computed", metric: DISTANCE, matrix: { models, items: distances } },
  };
}

describe("toItemCurve", () => {
  it("re-aggregates each model over the shared items only, with the item standard error", () => {
    const score: ItemScore = {
      name: "acc", source: "stored", metric: SHARP,
      matrix: { models: models.slice(0, 2), items: [{ key: "a", values: [1, 1] }, { key: "b", values: [0, 1] }, { key: "c", values: [1, null] }] },
    };
    const keys = sharedItemKeys([score]);
    expect([...keys]).toEqual(["a", "b"]);
    const curve = toItemCurve(score, keys, { ...base, chance: 0.25 });
    expect(curve.points.map((p) => [p.model, p.value, p.n])).toEqual([["m0", 0.5, 2], ["m1", 1, 2]]);
    expect(curve.points[0].stderr).toBeCloseTo(Math.sqrt(0.5 / 2), 12);
    expect(curve.chance).toBe(0.25);
  });
});

describe("compareItemScores (the mirage test on items)", () => {
  it("says the jump is made by the sharp metric when the continuous score of the same outputs rises smoothly", () => {
    const { sharp, distance } = mirageFamily();
    const mirage = compareItemScores(sharp, [distance], base);
    expect(mirage.items).toBe(600);
    expect(mirage.comparison!.byMetric.map((m) => [m.metric, m.analysis.verdict])).toEqual([["exact_match", "abrupt"], ["token_edit_distance", "smooth"]]);
    expect(mirage.comparison!.dependsOnMetric).toBe(true);
    expect(mirage.adds).toBe("the jump is made by exact_match: the same outputs read smooth under token_edit_distance");
  });

  it("says so when there is no continuous score to compare", () => {
    const { sharp } = mirageFamily();
    const mirage = compareItemScores(sharp, [], base);
    expect(mirage.comparison).toBeNull();
    expect(mirage.adds).toMatch(/no continuous score/);
  });
});
