// The ingest CLI as a user runs it: a child process, its exit code and its last stdout line.
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "@/lib/testing/run-script";
import { getCurves } from "@/lib/db/curves";
import { uniqueName } from "@/lib/testing/factories";
import { makeFamilyCurve } from "@/lib/testing/model-factories";
import { getPool } from "@/lib/db/client";

const root = path.resolve(import.meta.dirname, "..");

const ingest = (...args: string[]) => runScript("ingest.ts", ...args);

function lastJson(stdout: string) {
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "atlas-cli-"));
}

describe("npm run ingest", () => {
  it("ingests a folder, reports bad files by name and line, stores the good ones, exits 1", async () => {
    const dir = tempDir();
    const task = uniqueName("cli_task");
    mkdirSync(path.join(dir, "nested"));
    writeFileSync(path.join(dir, "nested", "good.csv"), `model,task,metric,value\npythia-70m,${task},acc,0.3\npythia-12b,${task},acc,0.6\n`);
    writeFileSync(path.join(dir, "bad.csv"), `model,task,metric,value\npythia-70m,${task}_bad,acc,0.3\npythia-12b,${task}_bad,acc,abc\n`);
    writeFileSync(path.join(dir, "notes.txt"), "ignored: not an eval file");
    const result = await ingest(dir);
    expect(result.code).toBe(1);
    const summary = lastJson(result.stdout);
    expect(summary).toMatchObject({ files: 2, parsed: 2, inserted: 2, updated: 0, skipped: 0, dryRun: false });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0].file).toMatch(/bad\.csv$/);
    expect(summary.errors[0].error).toMatch(/bad\.csv:3/);
    expect(result.stderr).toMatch(/error: .*bad\.csv:3/);
    await expect(getCurves({ task: `${task}_bad`, x: "params" })).rejects.toThrow(/not found/);
    const curves = await getCurves({ task, x: "params" });
    expect(curves.series[0].points.map((p) => p.model)).toEqual(["pythia-70m", "pythia-12b"]);
  });

  it("places a model of unknown scale once --models supplies it", async () => {
    const dir = tempDir();
    const task = uniqueName("cli_task");
    const model = `/checkpoints/${uniqueName("run")}/step5000`;
    writeFileSync(path.join(dir, "r.csv"), `model,task,metric,value,stderr\n${model},${task},acc,0.41,0.02\n`);
    const unknown = await ingest("--dry-run", path.join(dir, "r.csv"));
    expect(unknown.code).toBe(0);
    expect(lastJson(unknown.stdout)).toMatchObject({ inserted: 1, dryRun: true, unknownScaleModels: [model] });
    await expect(getCurves({ task, x: "params" })).rejects.toThrow(/not found/);

    writeFileSync(path.join(dir, "models.csv"), `name,family,parameters,tokens,flops\n/checkpoints/*,MyRuns,1.1B,300B,\n`);
    const mapped = await ingest("--models", path.join(dir, "models.csv"), "--note", "cli test", path.join(dir, "r.csv"));
    expect(mapped.code).toBe(0);
    expect(lastJson(mapped.stdout)).toMatchObject({ inserted: 1, unknownScaleModels: [] });
    const curves = await getCurves({ task, x: "params" });
    expect(curves.series).toEqual([
      expect.objectContaining({ family: "MyRuns", points: [expect.objectContaining({ model, x: 1.1e9, value: 0.41 })] }),
    ]);
  });

  it("re-ingesting the same file is a no-op", async () => {
    const dir = tempDir();
    const file = path.join(dir, "70m.json");
    copyFileSync(path.join(root, "data/demo/pythia/evals/pythia-v1/pythia-70m/five-shot/70m-5shot_step143000.json"), file);
    await ingest(file);
    const again = await ingest(file);
    expect(again.code).toBe(0);
    expect(lastJson(again.stdout)).toMatchObject({ files: 1, inserted: 0, updated: 0 });
    expect(lastJson(again.stdout).skipped).toBeGreaterThan(0);
  });

  it("explains its usage when given no path", async () => {
    const result = await ingest();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/paths: give at least one file or folder\nusage: npm run ingest --/);
  });
});

describe("npm run ingest resolves names as an upload does", () => {
  it("an alias added on /models (stored only in the database) places the CLI's result on that model", async () => {
    const curve = await makeFamilyCurve();
    const model = curve.models[3];
    const alias = uniqueName("my-lab-alias");
    await getPool().query("INSERT INTO model_alias (alias, model_id) VALUES ($1, $2)", [alias, model.id]);
    const dir = tempDir();
    const task = uniqueName("cli_alias_task");
    writeFileSync(path.join(dir, "alias.csv"), `model,task,metric,value\n${alias},${task},acc,0.4\n`);
    const result = await ingest(path.join(dir, "alias.csv"));
    expect(result.code).toBe(0);
    expect(lastJson(result.stdout)).toMatchObject({ inserted: 1, unknownScaleModels: [] });
    const curves = await getCurves({ task, x: "params" });
    expect(curves.series.flatMap((s) => s.points)).toMatchObject([{ model: model.name, x: model.parameters }]);
    expect(curves.series[0].family).toBe(curve.family);
  });
});
