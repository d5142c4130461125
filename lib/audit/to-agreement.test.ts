import { describe, expect, it } from "vitest";
import { combineAgreements, toAgreement } from "./to-agreement";

describe("toAgreement", () => {
  it("reads every verdict against a claim of emergence", () => {
    expect(toAgreement("abrupt", "abrupt")).toBe("agrees");
    expect(toAgreement("abrupt", "smooth")).toBe("disagrees");
    expect(toAgreement("abrupt", "declining")).toBe("disagrees");
    expect(toAgreement("abrupt", "near-floor")).toBe("no-rise");
    expect(toAgreement("abrupt", "flat")).toBe("no-rise");
    expect(toAgreement("abrupt", "cannot-tell")).toBe("undecided");
    expect(toAgreement("abrupt", "suspect-zero")).toBe("undecided");
  });

  it("reads them against the mirage's claim of a smooth curve, and says nothing where the claim names no metric", () => {
    expect(toAgreement("smooth", "smooth")).toBe("agrees");
    expect(toAgreement("smooth", "abrupt")).toBe("disagrees");
    expect(toAgreement(undefined, "abrupt")).toBe("no-claim");
  });
});

describe("combineAgreements", () => {
  it("lets a contradiction outweigh an agreement, and an agreement outweigh an undecided reading", () => {
    expect(combineAgreements(["agrees", "disagrees"])).toBe("disagrees");
    expect(combineAgreements(["undecided", "agrees", "no-rise"])).toBe("agrees");
    expect(combineAgreements(["undecided", "no-rise"])).toBe("no-rise");
    expect(combineAgreements([])).toBe("no-claim");
  });
});
