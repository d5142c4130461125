import { describe, expect, it } from "vitest";
import type { UploadRecord } from "@/lib/schemas/uploads";
import { prepareUploadRecord, toUtcLabel } from "./prepare-upload-record";

const SHA = "3f2a9c0b7d4e5f6a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899";
const record = (r: Partial<UploadRecord> = {}): UploadRecord => ({
  id: 7, fileName: "lab-runs.csv", sha256: SHA, format: "csv-long", tokenName: "laptop", tokenHidden: false, createdAt: "2026-11-26T08:19:15.123Z",
  parsed: 3, inserted: 2, updated: 1, skipped: 0, note: "first run", results: 3, ...r,
});

describe("prepareUploadRecord", () => {
  it("shortens the sha256 but keeps the whole of it", () => {
    const out = prepareUploadRecord(record());
    expect(out.shortSha).toBe("3f2a9c0b7d4e");
    expect(out.sha256).toBe(SHA);
  });

  it("names the format and lists the counts in the order of an ingest summary", () => {
    const out = prepareUploadRecord(record());
    expect(out.format).toBe("CSV, long (model, task, metric, value)");
    expect(out.counts.map((c) => `${c.label} ${c.value}`)).toEqual(["parsed 3", "inserted 2", "updated 1", "skipped (unchanged) 0"]);
    expect(prepareUploadRecord(record({ format: "future-format" })).format).toBe("future-format");
  });

  it("says where an upload without a token came from, and what zero stored results means", () => {
    const out = prepareUploadRecord(record({ tokenName: null, results: 0 }));
    expect(out.token).toMatch(/^none/);
    expect(out.resultsLabel).toMatch(/^none \(replaced by later uploads/);
    expect(prepareUploadRecord(record({ results: 1 })).resultsLabel).toBe("1 result");
  });

  it("says a token made an upload whose token name this reader may not see", () => {
    expect(prepareUploadRecord(record({ tokenName: null, tokenHidden: true })).token).toBe("an API token (its name is shown to token holders)");
  });

  it("passes names from the database through untouched, formula-like prefixes included", () => {
    for (const name of ["=HYPERLINK(\"x\")", "+1.csv", "-cmd.csv", "@sum.csv", "<b>x</b>.csv"]) {
      const out = prepareUploadRecord(record({ fileName: name, note: name, tokenName: name }));
      expect([out.fileName, out.note, out.token]).toEqual([name, name, name]);
    }
  });
});

describe("toUtcLabel", () => {
  it("shows an ISO time to the minute in UTC, and anything else as given", () => {
    expect(toUtcLabel("2026-01-02T03:04:59.999Z")).toBe("2026-01-02 03:04 UTC");
    expect(toUtcLabel("yesterday")).toBe("yesterday");
  });
});
