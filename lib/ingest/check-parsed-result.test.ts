import { describe, expect, it } from "vitest";
import { INT4_MAX } from "@/lib/schemas/number-limits";
import { parsedResultSchema, type ParsedResultDraft } from "@/lib/schemas/parsed-file";
import { isParsedResult, toParsedResult } from "./check-parsed-result";
import { toParsedFile } from "./validate-parsed-file";
import { seededRandom } from "./testing/seeded-random";

const valid: ParsedResultDraft = {
  model: "pythia-70m", revision: "step1000", task: "arc_easy", metric: "acc", filter: "none",
  shots: 0, value: 0.43, stderr: 0.01, n: 2376, source: { line: 2 },
};

/** Values each field may hold, good and bad, including the edges of every rule. */
const CANDIDATES: Record<string, unknown[]> = {
  model: ["m", "x".repeat(200), "", "x".repeat(201), null, 3, undefined],
  revision: [null, "step1", "x".repeat(200), "", "x".repeat(201), 1, undefined],
  task: ["t", "", "x".repeat(201), null],
  metric: ["acc", "", "x".repeat(201), undefined],
  filter: ["none", "", "x".repeat(201), null],
  shots: [null, 0, 5, INT4_MAX, -1, 1.5, INT4_MAX + 1, Number.NaN, "0", undefined],
  value: [0, -3.5, 1e15, -1e15, 1e-100, 1e15 + 2, 1e16, 1e-101, -1e-101, 5e-324, Number.NaN, Infinity, -Infinity, null, "1"],
  stderr: [null, 0, 0.01, 1e15, -0.01, 1e16, 1e-101, Number.NaN, Infinity, "0", undefined],
  n: [null, 1, INT4_MAX, 0, -1, 2.5, INT4_MAX + 1, Infinity, "3"],
  isGroup: [undefined, true, false, "yes", null],
  source: [{}, { line: 1 }, { key: "results.x" }, { line: 0 }, { line: -2 }, { line: 1.5 }, { line: 2 ** 53 }, { key: 3 }, null, undefined, "x"],
};
const FIELDS = Object.keys(CANDIDATES);

/** Records with 0–3 fields drawn from CANDIDATES, the rest valid; seeded. */
function records(count: number): ParsedResultDraft[] {
  const random = seededRandom(20_261_202);
  return Array.from({ length: count }, () => {
    const record: Record<string, unknown> = { ...valid, source: { ...valid.source } };
    for (let k = random.int(4); k > 0; k--) {
      const field = random.pick(FIELDS);
      record[field] = random.pick(CANDIDATES[field]);
    }
    return record as ParsedResultDraft;
  });
}

/** What toParsedFile said before the hand-written check: the schema's first issue over the whole file. */
function zodMessage(fileName: string, results: ParsedResultDraft[]): string | null {
  const schema = parsedResultSchema.array();
  const checked = schema.safeParse(results);
  if (checked.success) return null;
  const issue = checked.error.issues[0];
  const [index] = issue.path;
  const record = results[index as number];
  const path = ["results", ...issue.path].join(".");
  const at = record?.source?.line !== undefined ? `:${record.source.line}` : "";
  return `${fileName}${at}: invalid ${path}: ${issue.message} (at ${record?.source?.key ?? path})`;
}

describe("isParsedResult agrees with parsedResultSchema", () => {
  it("on every field's good and bad values, one at a time", () => {
    for (const field of FIELDS) {
      for (const candidate of CANDIDATES[field]) {
        const record = { ...valid, [field]: candidate } as ParsedResultDraft;
        expect({ field, candidate, fast: isParsedResult(record) }).toEqual({ field, candidate, fast: parsedResultSchema.safeParse(record).success });
      }
    }
  });

  it("on 5,000 seeded records with up to three fields changed", () => {
    const all = records(5_000);
    const disagree = all.filter((r) => isParsedResult(r) !== parsedResultSchema.safeParse(r).success);
    expect(disagree).toEqual([]);
    // the draw covers both sides
    expect(all.filter(isParsedResult).length).toBeGreaterThan(500);
    expect(all.filter((r) => !isParsedResult(r)).length).toBeGreaterThan(500);
  });

  it("gives the schema's output for a valid record (isGroup defaulted)", () => {
    for (const record of records(2_000).filter(isParsedResult)) {
      const expected = parsedResultSchema.parse(record);
      expect(toParsedResult("f.csv", { ...record, source: { ...record.source } }, 0)).toEqual(expected);
    }
  });
});

describe("toParsedFile reports what the whole-file schema reported", () => {
  it("the same message, naming file, line and field, for each bad record at its index", () => {
    const random = seededRandom(7);
    const bad = records(3_000).filter((r) => !isParsedResult(r));
    for (const record of bad.slice(0, 400)) {
      const results = [valid, valid, record].map((r) => ({ ...r, source: r.source }));
      const at = random.int(3);
      [results[2], results[at]] = [results[at], results[2]];
      const expected = zodMessage("f.csv", results);
      expect(expected).not.toBeNull();
      expect(() => toParsedFile("f.csv", { format: "csv-long", results, modelFacts: [], missingValues: 0 })).toThrow(expected!);
    }
  });

  it("a valid file comes out as the schema returns it", () => {
    const results = records(300).filter(isParsedResult);
    const draft = { format: "csv-long" as const, results: results.map((r) => ({ ...r })), modelFacts: [], missingValues: 1 };
    expect(toParsedFile("f.csv", draft)).toEqual({
      format: "csv-long", results: results.map((r) => parsedResultSchema.parse(r)), modelFacts: [], directions: [], metricFacts: [], missingValues: 1,
    });
  });
});
