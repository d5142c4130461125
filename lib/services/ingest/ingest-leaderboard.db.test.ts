import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { getCurves } from "@/lib/db/curves";
import { BASE_LADDERS, generateLeaderboard, LEADERBOARD_RESULTS_PER_FILE } from "@/lib/bench/generate-leaderboard";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { ingestPaths } from "./ingest-paths";

const FILES = 200;

describe("a generated leaderboard folder through the CLI's path", () => {
  it("stores as many results as its files hold, reports a bad file and goes on, and makes curves of the base ladders at their stated sizes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-leaderboard-"));
    const files = generateLeaderboard({ files: FILES, seed: 11 });
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.text);
    }
    writeFileSync(path.join(dir, "broken.json"), '{"results": {');

    const summary = await ingestPaths([dir], { registry: await buildRegistry() }).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(summary.files).toBe(FILES + 1);
    expect(summary.errors).toEqual([{ file: path.join(dir, "broken.json"), error: expect.stringMatching(/^.*broken\.json:1: malformed JSON/) }]);
    const held = FILES * LEADERBOARD_RESULTS_PER_FILE;
    expect(summary.parsed).toBe(held);
    expect(summary.inserted + summary.updated + summary.skipped).toBe(held);

    // every result of every file is stored, once: one per model and task
    const models = files.map((f) => JSON.parse(f.text).model_name as string);
    const { rows } = await getPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM result r JOIN checkpoint c ON c.id = r.checkpoint_id
       JOIN task t ON t.id = r.task_id JOIN model_alias a ON a.model_id = c.model_id
       WHERE a.alias = ANY($1) AND t.name LIKE 'leaderboard\\_%'`,
      [models],
    );
    expect(rows[0].n).toBe(held);

    const curves = await getCurves({ task: "leaderboard_bbh", metric: "acc_norm", shots: 3, x: "params" });
    for (const ladder of BASE_LADDERS) {
      const series = curves.series.find((s) => s.family === ladder.family);
      expect(series?.points.map((p) => p.x), ladder.family).toEqual(ladder.models.map((m) => m.parameters));
    }
  });
});
