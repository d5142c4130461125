import { describe, expect, it } from "vitest";
import { summarizeOutcomes } from "./summarize-outcomes";

describe("summarizeOutcomes", () => {
  it("adds counts of good files, lists failures and de-duplicates unknown models", () => {
    const summary = summarizeOutcomes([
      { ok: true, fileName: "a.json", parsed: 10, inserted: 7, updated: 2, skipped: 1, items: 12, unknownScaleModels: ["m1"] },
      { ok: false, fileName: "b.csv", error: "b.csv:3: bad value" },
      { ok: true, fileName: "c.csv", parsed: 5, inserted: 0, updated: 0, skipped: 5, unknownScaleModels: ["m1", "m0"] },
    ]);
    expect(summary).toEqual({
      files: 3, parsed: 15, inserted: 7, updated: 2, skipped: 6, items: 12,
      unknownScaleModels: ["m0", "m1"],
      errors: [{ file: "b.csv", error: "b.csv:3: bad value" }],
    });
  });

  it("reports an empty run as zeros", () => {
    expect(summarizeOutcomes([])).toMatchObject({ files: 0, parsed: 0, errors: [] });
  });
});
