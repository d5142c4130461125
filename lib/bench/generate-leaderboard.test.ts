import { describe, expect, it } from "vitest";
import { parseFile } from "@/lib/ingest/parse-file";
import { toFamilyKey } from "@/lib/registry/family-key";
import { BASE_LADDERS, generateLeaderboard, LEADERBOARD_RESULTS_PER_FILE } from "./generate-leaderboard";

describe("generateLeaderboard", () => {
  const files = generateLeaderboard({ files: 200, seed: 7 });

  it("is seeded: the same seed, the same folder", () => {
    expect(generateLeaderboard({ files: 200, seed: 7 })).toEqual(files);
    expect(generateLeaderboard({ files: 200, seed: 8 })).not.toEqual(files);
  });

  it("writes lm-eval v0.4 files, one model each, with the stated size of every base model", () => {
    expect(new Set(files.map((f) => f.path)).size).toBe(200);
    const parsed = files.map((f) => parseFile(f.path, f.text));
    expect(parsed.every((p) => p.format === "lm-eval-v0.4" && p.results.length === LEADERBOARD_RESULTS_PER_FILE)).toBe(true);
    const qwen7 = parsed.find((p) => p.results[0].model === "Qwen/Qwen2.5-7B");
    expect(qwen7?.modelFacts[0]).toMatchObject({ parameters: 7_615_616_512 });
  });

  it("names fine-tunes and merges so that they never share a ladder's family key", () => {
    const ladderKeys = new Set(BASE_LADDERS.flatMap((l) => l.models.map((m) => toFamilyKey(m.name))));
    const others = files.slice(18).map((f) => JSON.parse(f.text).model_name as string);
    expect(others.some((name) => ladderKeys.has(toFamilyKey(name)))).toBe(false);
  });
});
