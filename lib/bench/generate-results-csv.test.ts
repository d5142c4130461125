import { describe, expect, it } from "vitest";
import { parseFile } from "@/lib/ingest/parse-file";
import { BENCH_CSV_HEADER, generateResultsCsv, type GenerateOptions } from "./generate-results-csv";

const models = [
  { name: "pythia-70m", finalStep: 143_000 },
  { name: "EleutherAI/gpt-neo-125m", finalStep: null },
  { name: "tiny", finalStep: 2_000 },
];
const tasks = [
  { name: "arc_easy", chance: 0.25, itemCount: 2376 },
  { name: "lambada, openai", chance: null, itemCount: null },
];
const options = (rows: number, seed = 1): GenerateOptions => ({ rows, seed, models, tasks });

describe("generateResultsCsv", () => {
  it("writes exactly the requested rows under the long-CSV header", () => {
    const lines = generateResultsCsv(options(50)).trimEnd().split("\n");
    expect(lines[0]).toBe(BENCH_CSV_HEADER);
    expect(lines).toHaveLength(51);
  });

  it("is deterministic per seed, and a prefix of itself for more rows", () => {
    expect(generateResultsCsv(options(200, 3))).toBe(generateResultsCsv(options(200, 3)));
    expect(generateResultsCsv(options(200, 3))).not.toBe(generateResultsCsv(options(200, 4)));
    expect(generateResultsCsv(options(300, 3)).startsWith(generateResultsCsv(options(200, 3)))).toBe(true);
  });

  it("parses as csv-long with values in [0, 1] and no repeated natural key", () => {
    const parsed = parseFile("bench.csv", generateResultsCsv(options(2_000)));
    expect(parsed.format).toBe("csv-long");
    expect(parsed.results).toHaveLength(2_000);
    expect(parsed.missingValues).toBe(0);
    const keys = new Set(parsed.results.map((r) => [r.model, r.revision, r.task, r.metric, r.shots, r.filter].join("|")));
    expect(keys.size).toBe(2_000);
    expect(parsed.results.every((r) => r.value >= 0 && r.value <= 1)).toBe(true);
    expect(parsed.results.some((r) => r.task === "lambada, openai")).toBe(true);
  });

  it("starts with final models and never emits a model's final step as a revision", () => {
    const parsed = parseFile("bench.csv", generateResultsCsv(options(2_000)));
    expect(parsed.results[0].revision).toBeNull();
    const tiny = parsed.results.filter((r) => r.model === "tiny").map((r) => r.revision);
    expect(tiny).not.toContain("step2000");
    expect(tiny).toContain("step1000");
    expect(parsed.results.filter((r) => r.model === "pythia-70m").map((r) => r.revision)).not.toContain("step143000");
  });

  it("says so when the models run out of checkpoints", () => {
    expect(() => generateResultsCsv({ ...options(100_000), models: [{ name: "tiny", finalStep: 2_000 }] })).toThrow(
      /enough checkpoints/,
    );
  });
});
