import { describe, expect, it } from "vitest";
import { levenshtein, memoTokens, tokenEditDistance, toTokens } from "./token-edit-distance";

describe("token edit distance", () => {
  it("splits words and punctuation", () => {
    expect(toTokens("x = 3, y=-1")).toEqual(["x", "=", "3", ",", "y", "=", "-", "1"]);
  });

  it("counts insertions, deletions and substitutions of tokens", () => {
    expect(levenshtein(["a", "b", "c"], ["a", "b", "c"])).toBe(0);
    expect(levenshtein(["a", "b", "c"], ["a", "x", "c"])).toBe(1);
    expect(levenshtein(["k", "i", "t", "t", "e", "n"], ["s", "i", "t", "t", "i", "n", "g"])).toBe(3);
    expect(levenshtein([], ["a", "b"])).toBe(2);
  });

  it("is 0 for the target, grows as the answer drifts, and is null without text", () => {
    expect(tokenEditDistance("5, 7, 15, 16", " 5, 7, 15, 16")).toBe(0);
    const near = tokenEditDistance("5, 7, 15, 16", "5, 7, 15, 17")!;
    const far = tokenEditDistance("5, 7, 15, 16", "1) 2) 3)")!;
    expect(near).toBeCloseTo(1 / 7, 12);
    expect(far).toBeGreaterThan(near);
    expect(far).toBeLessThanOrEqual(1);
    expect(tokenEditDistance(null, "x")).toBeNull();
    expect(tokenEditDistance("x", null)).toBeNull();
  });
});

describe("memoTokens", () => {
  it("gives the same distances while tokenising each distinct text once", () => {
    const memo = memoTokens();
    const pairs: [string, string][] = [["a b c", "a x c"], ["a b c", "a b c d"], ["5, 7", "5 , 7"]];
    for (const [t, r] of pairs) expect(tokenEditDistance(t, r, memo)).toBe(tokenEditDistance(t, r));
  });
});
