import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lmEvalRun } from "@/lib/ingest/testing/format-files";
import { uniqueName } from "@/lib/testing/factories";
import { ingestPaths } from "@/lib/services/ingest/ingest-paths";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { countItemModels } from "./item-models";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** One model's lm-eval run of the task, with its samples file or without (values differ per model: the same bytes twice are one upload). */
function writeRun(task: string, model: string, values: number[], withSamples: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-items-"));
  dirs.push(dir);
  const run = lmEvalRun(model, task, values);
  writeFileSync(path.join(dir, run.resultsName), run.results);
  if (withSamples) writeFileSync(path.join(dir, run.samplesName), run.samples);
  return dir;
}

describe("countItemModels", () => {
  it("counts the models of a view whose per-item outputs are stored, and only in that view", async () => {
    const task = uniqueName("paired");
    const folders = [
      writeRun(task, uniqueName("lab/a"), [1, 0, 1], true), writeRun(task, uniqueName("lab/b"), [0, 1, 1], true), writeRun(task, uniqueName("lab/c"), [1, 1, 1], false),
    ];
    const summary = await ingestPaths(folders, { registry: await buildRegistry() });
    expect(summary.errors).toEqual([]);
    expect(summary.items).toBe(6);

    expect(await countItemModels({ task, metric: "exact_match", shots: 5, filter: "none" })).toBe(2);
    expect(await countItemModels({ task, metric: "exact_match", shots: 0, filter: "none" })).toBe(0);
    expect(await countItemModels({ task, metric: "exact_match", shots: 5, filter: "strict-match" })).toBe(0);
    expect(await countItemModels({ task, metric: "acc", shots: 5, filter: "none" })).toBe(0);
    expect(await countItemModels({ task: uniqueName("absent"), metric: "exact_match", shots: 5, filter: "none" })).toBe(0);
  });
});
