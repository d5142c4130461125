import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/items/route";
import { getPool } from "@/lib/db/client";
import { PUT as PUT_FAMILY } from "@/app/api/models/[id]/family/route";
import { BASE, newToken } from "@/lib/testing/upload-requests";
import { itemsResponseSchema, type ItemsResponse } from "@/lib/schemas/items";
import type { ModelPlan } from "@/lib/ingest/plan-types";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { ingestPaths } from "@/lib/services/ingest/ingest-paths";
import { uniqueName } from "@/lib/testing/factories";
import { withModels } from "@/lib/testing/model-factories";
import { writePlantedFamily } from "@/lib/ingest/testing/item-family-files";
import { PLANTED_SIZES } from "@/lib/emergence/items/planted-matrix";
import { againstChance } from "@/lib/emergence/items/against-chance";

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-items-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const plan = (name: string, family: string, parameters: number): ModelPlan => ({
  name, family, parameters, trainingTokens: 3e11, trainingFlops: 6 * parameters * 3e11, flopsEstimated: true,
  tokensPerStep: null, finalStep: null, source: "test factory", aliases: [], overwrite: true,
});

async function getItems(search: Record<string, string>): Promise<Response> {
  return GET(new Request(`http://atlas.test/api/items?${new URLSearchParams(search)}`));
}

async function items(search: Record<string, string>): Promise<ItemsResponse> {
  const res = await getItems(search);
  expect(res.status, await res.clone().text()).toBe(200);
  return itemsResponseSchema.parse(await res.json());
}

describe("GET /api/items on a family of six sizes with a planted group (lm-eval samples through the real ingest path)", () => {
  const family = uniqueName("ItemFam");
  const task = uniqueName("planted_task");
  const models = PLANTED_SIZES.map((_, i) => uniqueName(`itemlab/m${i}`));
  const options = { models, task, items: 300, planted: 90, flipAt: 3, worse: 15 };
  const dir = tempDir();
  const written = writePlantedFamily(dir, options);
  const exact = written.wrong.map((w) => w.map((n) => n === 0));
  let summary: Awaited<ReturnType<typeof ingestPaths>>;
  beforeAll(async () => {
    const registry = withModels(await buildRegistry(), models.map((m, i) => plan(m, family, PLANTED_SIZES[i])));
    summary = await ingestPaths([dir], { registry });
    // a chance level for the task, as the registry gives a known task's (data/registry/tasks.csv)
    await getPool().query("UPDATE task SET chance = 0.25 WHERE name = $1", [task]);
  });

  it("stores every item and aggregates them to the score each results file reported", async () => {
    expect(summary.errors).toEqual([]);
    // without a family, the view's family with items
    const body = await items({ task, limit: "500" });
    expect(body.family).toBe(family);
    expect(body.families).toEqual([family]);
    expect(body.models.map((m) => m.model)).toEqual(models);
    expect(body.complete).toBe(300);
    expect(body.incomplete).toBe(0);
    body.models.forEach((m, s) => {
      expect(m.items).toBe(300);
      expect(m.mean).toBeCloseTo(written.reported[s], 12);
      expect(m.reported).toBeCloseTo(written.reported[s], 12);
      const [lo, hi] = m.interval!;
      expect(lo).toBeLessThanOrEqual(m.mean!);
      expect(hi).toBeGreaterThanOrEqual(m.mean!);
      expect(hi - lo).toBeGreaterThan(0.02);
    });
  });

  it("reads each size's mean against the task's chance level by its interval", async () => {
    const body = await items({ task });
    expect(body.chance).toBe(0.25);
    expect(body.models.map((m) => m.againstChance)).toEqual(body.models.map((m) => againstChance(m.interval, 0.25)));
    // the smallest size sits below chance; the three past the planted jump above it
    expect(body.models[0].againstChance).toBe("below");
    expect(body.models.slice(3).map((m) => m.againstChance)).toEqual(["above", "above", "above"]);
  });

  it("maps the planted group flipping together at its size, and the items that get worse", async () => {
    const body = await items({ task, family, limit: "500" });
    const byKey = new Map(body.rows.items.map((r) => [r.key, r]));
    for (let i = 0; i < 90; i++) expect(byKey.get(String(i))!.standing).toEqual({ kind: "from", size: 3 });
    for (let i = 90; i < 105; i++) expect(byKey.get(String(i))!.standing).toEqual({ kind: "worse", lastCorrect: 1 });
    // the share that becomes reliably correct at each step, counted from the files written
    const settlesAt = (k: number) => exact.filter((e) => !e[k - 1] && e.slice(k).every(Boolean)).length / 300;
    expect(body.flipMap.steps.map((s) => s.to)).toEqual([1, 2, 3, 4, 5]);
    body.flipMap.steps.forEach((step) => expect(step.settles).toBeCloseTo(settlesAt(step.to), 12));
    const planted = body.flipMap.steps[2];
    expect(planted.settles).toBeGreaterThanOrEqual(90 / 300);
    expect(planted.gained).toBe(planted.settles);
    expect(planted.lost).toBe(0);
    expect(body.flipMap.steps[1].lost).toBe(15 / 300);
    expect(body.flipMap.worse).toBe(15 / 300);
    // rows read as a staircase, and the bins keep every item
    const order = body.rows.items.map((r) => (r.standing.kind === "from" ? r.standing.size : r.standing.kind === "worse" ? 10 : 20));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body.flipMap.bins.at(-1)!.to).toBe(300);
    const page = await items({ task, family, offset: "100", limit: "20" });
    expect(page.rows.items.map((r) => r.key)).toEqual(body.rows.items.slice(100, 120).map((r) => r.key));
  });

  it("finds the planted jump with the exact McNemar test, with its effect and paired interval", async () => {
    const body = await items({ task, family });
    const tests = body.pairedTests;
    expect(tests.map((t) => [t.from, t.to])).toEqual(models.slice(1).map((m, i) => [models[i], m]));
    const jump = tests[2];
    const gained = exact.filter((e) => !e[2] && e[3]).length;
    // nothing is lost at the planted step: p = 2 · ½^gained
    expect(jump).toMatchObject({ n: 300, firstOnly: 0, secondOnly: gained });
    expect(jump.p).toBeCloseTo(2 * 0.5 ** gained, 40);
    expect(jump.effect).toBeCloseTo(gained / 300, 12);
    expect(jump.interval[0]).toBeGreaterThan(0.25);
    expect(jump.interval[1]).toBeLessThan(0.5);
    expect(jump.significant).toBe(true);
    // the worse group is lost between sizes 1 and 2
    expect(tests[1].firstOnly).toBe(15);
    expect(tests[1].effect).toBeCloseTo((tests[1].secondOnly - 15) / 300, 12);
    for (const t of tests) expect(t.pAdjusted).toBeGreaterThanOrEqual(t.p);
  });

  it("runs the verdict under exact match and under token edit distance of the same outputs", async () => {
    const body = await items({ task, family });
    expect(body.mirage.scores).toEqual([{ name: "exact_match", source: "stored" }, { name: "token_edit_distance", source: "computed" }]);
    expect(body.mirage.items).toBe(300);
    const comparison = body.mirage.comparison!;
    expect(comparison.models).toEqual(models);
    const [sharp, distance] = comparison.byMetric;
    expect(sharp.analysis.verdict).toBe("abrupt");
    // the distance curve is the mean of max(0, d − s)/8 over the items: it falls at every size
    const means = distance.analysis.points.map((p) => p.value);
    const expected = PLANTED_SIZES.map((_, s) => written.wrong.reduce((a, w) => a + w[s] / 8, 0) / 300);
    means.forEach((m, s) => expect(m).toBeCloseTo(expected[s], 12));
    expect(distance.analysis.verdict).toBe("smooth");
    expect(body.mirage.adds).toBe("the jump is made by exact_match: the same outputs read smooth under token_edit_distance");
  });

  it("reads a new upload and a registry edit at once: a seventh size joins the next report, and leaves with its family", async () => {
    const before = await items({ task, family });
    expect(before.models).toHaveLength(6);
    const larger = uniqueName("itemlab/m6");
    const more = writePlantedFamily(tempDir(), { ...options, models: [...models, larger] });
    const registry = withModels(await buildRegistry(), [plan(larger, family, 6.9e9)]);
    expect((await ingestPaths([more.folders[6]], { registry })).errors).toEqual([]);
    const after = await items({ task, family });
    expect(after.models.map((m) => m.model)).toEqual([...models, larger]);
    expect(after.pairedTests).toHaveLength(6);
    // a registry edit that moves it to a family of its own is read at once too
    const { rows } = await getPool().query<{ id: number }>("SELECT id FROM model WHERE name = $1", [larger]);
    const edit = await PUT_FAMILY(new Request(`${BASE}/api/models/${rows[0].id}/family`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await newToken()}`, "content-type": "application/json" },
      body: JSON.stringify({ family: uniqueName("Elsewhere"), reason: "model card" }),
    }), { params: Promise.resolve({ id: String(rows[0].id) }) });
    expect(edit.status).toBe(200);
    expect((await items({ task, family })).models.map((m) => m.model)).toEqual(models);
  });

  it("answers 400 naming a bad parameter, and 404 for a family without items on the task", async () => {
    const bad = await getItems({ task, family, limit: "0" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("limit");
    const negative = await getItems({ task, family, offset: "-1" });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(await negative.json())).toContain("offset");
    const none = await getItems({ task, family: uniqueName("NoSuchFamily") });
    expect(none.status).toBe(404);
  });
});

describe("the real lm-eval samples fixture", () => {
  it("ingests into items whose aggregate equals the file's reported score", async () => {
    const fixtures = path.resolve(import.meta.dirname, "../../ingest/__fixtures__");
    const dir = tempDir();
    const name = "results_2026-01-21T03-44-18.458309.json";
    const samples = "samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl";
    copyFileSync(path.join(fixtures, "every-eval-ever", name), path.join(dir, name));
    copyFileSync(path.join(fixtures, "lm-eval-samples", samples), path.join(dir, samples));
    const model = "RylanSchaeffer/mem_Qwen3-93M_minerva_math_rep_0_sbst_1.0000_epch_1_ot_1";
    const registry = withModels(await buildRegistry(), [plan(model, "SchaefferMem", 93069280)]);
    const summary = await ingestPaths([dir], { registry });
    expect(summary.errors).toEqual([]);
    // re-ingesting the same files is a no-op that keeps the family the first ingest gave the model
    const { rows } = await getPool().query<{ family: string }>("SELECT f.name AS family FROM model m JOIN model_family f ON f.id = m.family_id WHERE m.name = $1", [model]);
    const family = rows[0].family;
    const body = await items({ task: "math_perturbed_full", family });
    expect(body.metric).toBe("exact_match");
    expect(body.models).toHaveLength(1);
    const [m] = body.models;
    // the file reports exact_match 0.0 over its items; the ten stored lines all score 0
    expect(m.items).toBe(10);
    expect(m.reported).toBe(0);
    expect(m.mean).toBe(m.reported);
    expect(body.flipMap.never).toBe(1);
    expect(body.pairedTests).toEqual([]);
    // only outputs and targets are stored: the mirage test computes token edit distance
    expect(body.mirage.scores.map((s) => s.name)).toEqual(["exact_match", "token_edit_distance"]);
  });
});
