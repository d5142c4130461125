import { describe, expect, it } from "vitest";
import { pickDefaultFilter, pickDefaultMetric, pickDefaultShots } from "./view-defaults";

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

  it("prefers the unfiltered score, then lm-eval's strict extraction, then the first by name", () => {
    expect(pickDefaultFilter(["flexible-extract", "strict-match"])).toBe("strict-match");
    expect(pickDefaultFilter(["strict-match", "none"])).toBe("none");
    expect(pickDefaultFilter(["maj@8", "get-answer"])).toBe("get-answer");
    expect(pickDefaultFilter([])).toBeUndefined();
  });
});
