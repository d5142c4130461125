import { describe, expect, it } from "vitest";
import { pickDefaultMetric, pickDefaultShots } from "./pick-defaults";

describe("defaults for a task page", () => {
  it("prefers acc, then exact match, then the first metric", () => {
    expect(pickDefaultMetric(["acc_norm", "acc"])).toBe("acc");
    expect(pickDefaultMetric(["bleu", "exact_match"])).toBe("exact_match");
    expect(pickDefaultMetric(["likelihood_difference", "pct_stereotype"])).toBe("likelihood_difference");
    expect(pickDefaultMetric([])).toBeUndefined();
  });

  it("prefers zero-shot, then the fewest shots, then unknown", () => {
    expect(pickDefaultShots([5, 0, null])).toBe(0);
    expect(pickDefaultShots([25, 5])).toBe(5);
    expect(pickDefaultShots([null])).toBeNull();
  });
});
