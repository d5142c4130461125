import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { getCurves } from "@/lib/db/curves";
import { ingestFile } from "./ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import type { RegistryLookup } from "@/lib/ingest/plan-types";

let registry: RegistryLookup;
beforeAll(async () => {
  registry = await buildRegistry();
});

async function countResults(task: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1",
    [task],
  );
  return rows[0].n;
}

describe("ingestFile on the real database", () => {
  it("stores a real Pythia v0.3 file, and the same bytes again are a no-op", async () => {
    const file = "data/demo/pythia/evals/pythia-v1/pythia-160m/five-shot/160m-5shot_step143000.json";
    const bytes = readFileSync(file);
    const first = await ingestFile({ fileName: file, bytes, registry });
    if (!first.ok) throw new Error(first.error);
    expect(first.format).toBe("lm-eval-v0.3");
    expect(first.parsed).toBeGreaterThan(100);
    expect(first.inserted + first.updated + first.skipped).toBe(first.parsed);
    expect(first.unknownScaleModels).toEqual([]);

    const again = await ingestFile({ fileName: file, bytes, registry });
    expect(again).toMatchObject({ ok: true, alreadyUploaded: true, uploadId: first.uploadId, inserted: 0, updated: 0 });

    const curves = await getCurves({ task: "arc_easy", metric: "acc", shots: 5, x: "params" });
    const pythia = curves.series.find((s) => s.family === "Pythia");
    const point = pythia?.points.find((p) => p.model === "pythia-160m");
    const raw = JSON.parse(bytes.toString()).results.arc_easy;
    expect(point).toMatchObject({ x: 162_322_944, value: raw.acc, stderr: raw.acc_stderr });
  });

  it("counts inserted, updated and skipped rows when a second file revises one number", async () => {
    const task = uniqueName("task");
    const rows = ["pythia-70m", "pythia-160m", "pythia-410m"].map((model, i) => ({
      model, task, metric: "acc", value: 0.3 + i / 10, stderr: 0.01, shots: 0,
    }));
    const first = await ingestFile({ fileName: "a.csv", bytes: longCsv(rows), registry });
    expect(first).toMatchObject({ ok: true, inserted: 3, updated: 0, skipped: 0 });
    rows[2] = { ...rows[2], value: 0.99 };
    const second = await ingestFile({ fileName: "b.csv", bytes: longCsv(rows), registry });
    expect(second).toMatchObject({ ok: true, inserted: 0, updated: 1, skipped: 2 });
    const curves = await getCurves({ task, x: "params" });
    expect(curves.series[0].points.map((p) => p.value)).toEqual([0.3, 0.4, 0.99]);
    expect(curves.series[0].points[2].fileName).toBe("b.csv");
  });

  it("a dry run reports exact counts and stores nothing", async () => {
    const task = uniqueName("task");
    const outcome = await ingestFile({
      fileName: "dry.csv", bytes: longCsv([{ model: "pythia-1b", task, metric: "acc", value: 0.5 }]), registry, dryRun: true,
    });
    expect(outcome).toMatchObject({ ok: true, inserted: 1, uploadId: null });
    expect(await countResults(task)).toBe(0);
  });

  it("rejects a file with an out-of-bounds value on its last line, naming file and line, storing nothing", async () => {
    const task = uniqueName("task");
    const rows = Array.from({ length: 50 }, (_, i) => ({ model: "pythia-70m", task, metric: "acc", value: 0.5, shots: i }));
    rows.push({ model: "pythia-70m", task, metric: "acc", value: 1.7, shots: 99 });
    const outcome = await ingestFile({ fileName: "bounds.csv", bytes: longCsv(rows), registry });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^bounds\.csv:52: value 1\.7 of metric "acc" is outside its bounds/);
    expect(await countResults(task)).toBe(0);
  });

  it("checks values against the bounds the database holds, even when the registry lacks them", async () => {
    // A registry that forgets acc's bounds: the stored metric's [0, 1] still applies, and the bad
    // last line of a 20,001-row file is reported by number with nothing of the file stored.
    const lax: RegistryLookup = { ...registry, metric: (name) => ({ name, higherIsBetter: true, lowerBound: null, upperBound: null, kind: null }) };
    await ingestFile({ fileName: "seed.csv", bytes: longCsv([{ model: "pythia-70m", task: uniqueName("t"), metric: "acc", value: 0.1 }]), registry });
    const task = uniqueName("task");
    const rows = Array.from({ length: 20_001 }, (_, i) => ({ model: "pythia-70m", task, metric: "acc", value: 0.5, shots: i }));
    rows[rows.length - 1].value = 3;
    const outcome = await ingestFile({ fileName: "late.csv", bytes: longCsv(rows), registry: lax });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^late\.csv:20002: value 3 of metric "acc" is outside its bounds \[0, 1\]/);
    expect(await countResults(task)).toBe(0);
    const uploads = await getPool().query("SELECT 1 FROM upload WHERE file_name = 'late.csv'");
    expect(uploads.rowCount).toBe(0);
  });

  it("keeps a model of unknown scale, reports it, and lists it instead of plotting it", async () => {
    const task = uniqueName("task");
    const model = uniqueName("my-lab/run");
    const outcome = await ingestFile({
      fileName: "unknown.csv",
      bytes: longCsv([{ model, task, metric: "acc", value: 0.42 }, { model: "pythia-70m", task, metric: "acc", value: 0.3 }]),
      registry,
    });
    expect(outcome).toMatchObject({ ok: true, unknownScaleModels: [model] });
    const curves = await getCurves({ task, x: "params" });
    expect(curves.unplaced).toEqual([{ model, value: 0.42 }]);
    expect(curves.series.flatMap((s) => s.points.map((p) => p.model))).toEqual(["pythia-70m"]);
  });

  it("reports malformed input by file and position and stores nothing", async () => {
    const outcome = await ingestFile({ fileName: "broken.json", bytes: new TextEncoder().encode('{"results": {'), registry });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^broken\.json/);
    const bad = await ingestFile({ fileName: "latin1.csv", bytes: Uint8Array.from([0x6d, 0xff, 0x0a]), registry });
    expect(!bad.ok && bad.error).toBe("latin1.csv: is not valid UTF-8 text");
  });
});
