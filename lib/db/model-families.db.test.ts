import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { PUT } from "@/app/api/models/[id]/family/route";
import { modelEditResponseSchema } from "@/lib/schemas/model-registry";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { BASE, newToken } from "@/lib/testing/upload-requests";
import { whenAnalysisIdle } from "@/lib/services/analysis/drain";

type Stored = { family: string | null; origin: string | null };

async function familiesOf(names: string[]): Promise<Record<string, Stored>> {
  const { rows } = await getPool().query<{ name: string } & Stored>(
    `SELECT m.name, f.name AS family, m.family_origin AS origin FROM model m LEFT JOIN model_family f ON f.id = m.family_id WHERE m.name = ANY($1)`,
    [names],
  );
  return Object.fromEntries(rows.map(({ name, ...rest }) => [name, rest]));
}

async function ingestModels(models: string[], task: string) {
  const registry = await buildRegistry();
  const bytes = longCsv(models.map((model, i) => ({ model, task, metric: "acc", value: 0.3 + i / 100, shots: 0 })));
  const outcome = await ingestFile({ fileName: `${task}.csv`, bytes, registry });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

async function putFamily(name: string, family: string | null, token: string) {
  const { rows } = await getPool().query<{ id: number }>("SELECT id FROM model WHERE name = $1", [name]);
  const request = new Request(`${BASE}/api/models/${rows[0].id}/family`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ family, reason: "model card" }),
  });
  const response = await PUT(request, { params: Promise.resolve({ id: String(rows[0].id) }) });
  expect(response.status).toBe(200);
  return modelEditResponseSchema.parse(await response.json());
}

let owner: string;
beforeAll(() => {
  owner = uniqueName("lab");
});

describe("families inferred from hub ids", () => {
  it("makes a base ladder a family, keeps fine-tunes and re-uploads out, and lets a user correct it", async () => {
    const ladder = ["70m", "160m", "410m"].map((s) => `${owner}/ladder-${s}`);
    const tune = `${owner}/ladder-410m-sft`;
    const reupload = `${uniqueName("someone")}/ladder-160m`;
    const first = await ingestModels([...ladder, tune, reupload], uniqueName("task"));
    const family = `${owner}/ladder-*`;
    expect(await familiesOf([...ladder, tune, reupload])).toEqual({
      ...Object.fromEntries(ladder.map((m) => [m, { family, origin: "inferred" }])),
      [tune]: { family: null, origin: null },
      [reupload]: { family: null, origin: null },
    });
    // the ingest queued the moved curves with its own
    expect(first.touched.length).toBeGreaterThan(0);

    const token = await newToken();
    const joined = await putFamily(tune, family, token);
    expect(joined).toMatchObject({ model: { family, familyOrigin: "edit" }, analysisQueued: 1 });
    expect(joined.model.edits[0]).toMatchObject({ field: "family", detail: family, reason: "model card" });
    const removed = await putFamily(ladder[0], null, token);
    expect(removed.model).toMatchObject({ family: null, familyOrigin: "edit" });

    // a later file with a larger size joins the inferred family; the user's choices stand
    const bigger = `${owner}/ladder-1b`;
    await ingestModels([bigger, ...ladder], uniqueName("task"));
    expect(await familiesOf([bigger, ladder[0], tune])).toEqual({
      [bigger]: { family, origin: "inferred" },
      [ladder[0]]: { family: null, origin: "edit" },
      [tune]: { family, origin: "edit" },
    });
    await whenAnalysisIdle();
  });

  it("joins a ladder member to the family the registry gives its base", async () => {
    // Qwen1.5-0.5B's family comes from the registry; an unknown larger size of the same hub id joins it
    // (a model no other database test stores: a hub id's family key, once set, stays)
    const unknown = "Qwen/Qwen1.5-44B";
    await ingestModels(["Qwen/Qwen1.5-0.5B", unknown], uniqueName("task"));
    const stored = await familiesOf([unknown]);
    const { rows } = await getPool().query<{ family: string }>(
      "SELECT f.name AS family FROM model m JOIN model_family f ON f.id = m.family_id WHERE m.name = 'Qwen/Qwen1.5-0.5B'",
    );
    expect(stored[unknown]).toEqual({ family: rows[0].family, origin: "inferred" });
    await whenAnalysisIdle();
  });
});
