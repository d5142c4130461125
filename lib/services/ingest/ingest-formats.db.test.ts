import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { POST } from "@/app/api/uploads/route";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";
import { uniqueName } from "@/lib/testing/factories";
import { newToken, uploadRequest } from "@/lib/testing/upload-requests";
import { helmRun, inspectEval, lmEvalRun } from "@/lib/ingest/testing/format-files";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { ingestPaths } from "./ingest-paths";

let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

type ItemRow = { model: string; revision: string; metric: string; shots: number | null; filter: string; doc_id: string; value: number | null; target: string | null; response: string | null; format: string };

async function storedItems(task: string): Promise<ItemRow[]> {
  const { rows } = await getPool().query<ItemRow>(
    `SELECT mo.name AS model, c.revision, m.name AS metric, ri.shots, ri.filter, ri.doc_id, ri.value, ri.target, ri.response, u.format
     FROM result_item ri JOIN task t ON t.id = ri.task_id JOIN metric m ON m.id = ri.metric_id
     JOIN checkpoint c ON c.id = ri.checkpoint_id JOIN model mo ON mo.id = c.model_id JOIN upload u ON u.id = ri.upload_id
     WHERE t.name = $1 ORDER BY ri.doc_id, ri.epoch, m.name`,
    [task],
  );
  return rows;
}

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-formats-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("every format through the CLI path (ingestPaths)", () => {
  it("stores lm-eval samples behind their results, a HELM run folder and an Inspect .eval, with their items", async () => {
    const dir = tempDir();
    const model = uniqueName("lab/run");
    const samplesTask = uniqueName("math");
    const run = lmEvalRun(model, samplesTask, [1, 0, 1]);
    mkdirSync(path.join(dir, "lm-eval"));
    writeFileSync(path.join(dir, "lm-eval", run.resultsName), run.results);
    writeFileSync(path.join(dir, "lm-eval", run.samplesName), run.samples);
    const helmTask = uniqueName("mmlu");
    helmRun(dir, helmTask);
    const evalTask = uniqueName("inspect");
    writeFileSync(path.join(dir, "log.eval"), inspectEval(evalTask));
    writeFileSync(path.join(dir, "README.md"), "not read");

    const summary = await ingestPaths([dir], { registry });
    expect(summary.errors).toEqual([]);
    expect(summary.files).toBe(4);

    const samples = await storedItems(samplesTask);
    expect(samples.map((r) => [r.doc_id, r.value, r.target, r.response])).toEqual([["0", 1, "t0", "answer 0"], ["1", 0, "t1", "answer 1"], ["2", 1, "t2", "answer 2"]]);
    expect(samples[0]).toMatchObject({ model, revision: "final", metric: "exact_match", shots: 5, filter: "none", format: "lm-eval-samples" });

    const helm = await storedItems(helmTask);
    expect(helm.length).toBeGreaterThan(0);
    expect(new Set(helm.map((r) => r.format))).toEqual(new Set(["helm-run"]));
    expect(helm.every((r) => r.model === "openai/gpt2" && r.shots === 5)).toBe(true);
    const { rows: helmResults } = await getPool().query("SELECT 1 FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1", [helmTask]);
    expect(helmResults.length).toBeGreaterThan(0);

    const inspect = await storedItems(evalTask);
    expect(inspect.length).toBeGreaterThan(0);
    expect(summary.items).toBe(samples.length + helm.length + inspect.length);
  });

  it("refuses a samples file with a malformed line by its number, and one without its results, storing nothing of either", async () => {
    const dir = tempDir();
    const task = uniqueName("gsm");
    const run = lmEvalRun(uniqueName("lab/run"), task, [1, 0, 1, 1]);
    writeFileSync(path.join(dir, run.resultsName), run.results);
    const lines = run.samples.split("\n");
    lines[2] = '{"doc_id": 2, "exact_match": ';
    writeFileSync(path.join(dir, run.samplesName), lines.join("\n"));
    const lone = tempDir();
    const orphan = uniqueName("orphan");
    writeFileSync(path.join(lone, `samples_${orphan}_2026-01-21T03-44-18.458309.jsonl`), run.samples);

    const summary = await ingestPaths([dir, lone], { registry });
    expect(summary.errors.map((e) => e.error)).toEqual([
      expect.stringMatching(new RegExp(`samples_${task}_.*\\.jsonl:3: `)),
      expect.stringMatching(/its results file results_2026-01-21T03-44-18\.458309\.json must come with it/),
    ]);
    expect(await storedItems(task)).toEqual([]);
    const { rows } = await getPool().query("SELECT 1 FROM upload WHERE format = 'lm-eval-samples' AND (file_name LIKE $1 OR file_name LIKE $2)", [`%${task}%`, `%${orphan}%`]);
    expect(rows).toEqual([]);
  });
});

describe("every format through POST /api/uploads", () => {
  it("takes a results file with its samples and an Inspect .eval in one multipart upload", async () => {
    const token = await newToken();
    const task = uniqueName("math");
    const run = lmEvalRun(uniqueName("lab/up"), task, [0, 1]);
    const evalTask = uniqueName("inspect");
    const form = new FormData();
    // the samples first: the upload still stores them behind the results sent with them
    form.append("file", new File([run.samples], run.samplesName));
    form.append("file", new File([run.results], run.resultsName, { type: "application/json" }));
    form.append("file", new File([inspectEval(evalTask) as Uint8Array<ArrayBuffer>], "log.eval"));
    const response = await POST(uploadRequest(form, { token, contentType: null }));
    expect(response.status).toBe(201);
    const body = createUploadResponseSchema.parse(await response.json());
    const items = await storedItems(task);
    expect(items.map((r) => [r.doc_id, r.value])).toEqual([["0", 0], ["1", 1]]);
    expect(body.summary.items).toBe(2 + (await storedItems(evalTask)).length);
    expect(body.summary.files).toBe(3);
  });

  it("refuses a samples file whose results are not in the upload, storing nothing of the upload", async () => {
    const token = await newToken();
    const task = uniqueName("math");
    const run = lmEvalRun(uniqueName("lab/up"), task, [0, 1]);
    const form = new FormData();
    form.append("file", new File([run.samples], run.samplesName));
    const response = await POST(uploadRequest(form, { token, contentType: null }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/must come with it/);
    expect(await storedItems(task)).toEqual([]);
  });
});

describe("what a file states beside its scores", () => {
  it("stores an lm-eval group as a group (listed as one) and the size a file states, credited to the file", async () => {
    const dir = tempDir();
    const model = uniqueName("lab/stated");
    const group = uniqueName("grp");
    const sub = uniqueName("sub");
    writeFileSync(path.join(dir, "results_2026-01-01T00-00-00.json"), JSON.stringify({
      results: { [group]: { "acc,none": 0.5 }, [sub]: { "acc,none": 0.5 } },
      groups: { [group]: { "acc,none": 0.5 } },
      group_subtasks: { [group]: [sub] },
      "n-shot": { [sub]: 0 },
      config: { model_args: `pretrained=${model}`, model_num_parameters: 93_069_280 },
      lm_eval_version: "0.4.9",
    }));
    const summary = await ingestPaths([dir], { registry });
    expect(summary.errors).toEqual([]);
    const { rows } = await getPool().query<{ name: string; is_group: boolean }>("SELECT name, is_group FROM task WHERE name = ANY($1) ORDER BY name", [[group, sub]]);
    expect(Object.fromEntries(rows.map((r) => [r.name, r.is_group]))).toEqual({ [group]: true, [sub]: false });

    const { listTasks } = await import("@/lib/db/tasks");
    expect((await listTasks()).tasks.filter((t) => t.name === group || t.name === sub).map((t) => [t.name, t.isGroup])).toEqual(
      [[group, true], [sub, false]].sort(),
    );
    const { listModelRegistry } = await import("@/lib/db/model-registry");
    const stored = (await listModelRegistry({ q: model, limit: 10, offset: 0 })).models.find((m) => m.name === model);
    expect(stored).toMatchObject({ parameters: 93_069_280, sources: { parameters: { kind: "file", source: expect.stringMatching(/^stated in the file .*results_2026-01-01T00-00-00\.json$/) } } });
  });

  it("fills the size of a model stored earlier without any, from a later file that states it", async () => {
    const model = uniqueName("lab/late");
    const first = tempDir();
    writeFileSync(path.join(first, "scores.csv"), `model,task,metric,value\n${model},${uniqueName("t")},acc,0.4\n`);
    expect((await ingestPaths([first], { registry: await buildRegistry() })).unknownScaleModels).toEqual([model]);
    const second = tempDir();
    writeFileSync(path.join(second, "results_2026-01-02T00-00-00.json"), JSON.stringify({
      results: { [uniqueName("t")]: { "acc,none": 0.5 } }, "n-shot": {},
      config: { model_args: `pretrained=${model}`, model_num_parameters: 1_100_000_000 }, lm_eval_version: "0.4.9",
    }));
    const summary = await ingestPaths([second], { registry: await buildRegistry() });
    expect(summary).toMatchObject({ errors: [], unknownScaleModels: [] });
    const { listModelRegistry } = await import("@/lib/db/model-registry");
    const stored = (await listModelRegistry({ q: model, limit: 10, offset: 0 })).models.find((m) => m.name === model);
    expect(stored).toMatchObject({ parameters: 1.1e9, sources: { parameters: { kind: "file" } } });
  });
});
