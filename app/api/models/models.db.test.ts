// The registry edits on /models: add a model, correct a fact, add an alias, each
// with a token, each recorded with who and why, each moving the curves it changes.
import { describe, expect, it } from "vitest";
import { GET, POST } from "./route";
import { GET as getOne, PATCH } from "./[id]/route";
import { POST as addAlias } from "./[id]/aliases/route";
import { GET as checkpoints } from "./[id]/checkpoints/route";
import { GET as curves } from "../curves/route";
import { GET as analysis } from "../analysis/route";
import { POST as upload } from "../uploads/route";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { curvesResponseSchema } from "@/lib/schemas/curves";
import { modelCheckpointsResponseSchema, modelEditResponseSchema, modelRegistryResponseSchema } from "@/lib/schemas/model-registry";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";
import { createApiToken } from "@/lib/db/api-tokens";
import { getPool } from "@/lib/db/client";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { jsonRequest, makeFamilyCurve } from "@/lib/testing/model-factories";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { newToken, uploadRequest } from "@/lib/testing/upload-requests";
import { whenAnalysisIdle } from "@/lib/services/analysis/drain";

const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function registryModel(name: string) {
  const body = modelRegistryResponseSchema.parse(await (await GET(new Request(`http://atlas.test/api/models?q=${encodeURIComponent(name)}`))).json());
  return body.models.find((m) => m.name === name) ?? null;
}

/** A fresh token and the name edits are credited to. */
async function namedToken() {
  const made = await createApiToken(uniqueName("editor"));
  return { token: made.token, who: made.name };
}

async function curveX(task: string, model: string, x: "params" | "flops") {
  const res = await curves(new Request(`http://atlas.test/api/curves?task=${task}&metric=acc&shots=0&x=${x}`));
  const body = curvesResponseSchema.parse(await res.json());
  return body.series.flatMap((s) => s.points).find((p) => p.model === model) ?? null;
}

async function analysedX(task: string, model: string) {
  const body = analysisResponseSchema.parse(await (await analysis(new Request(`http://atlas.test/api/analysis?task=${task}&metric=acc&shots=0&x=params`))).json());
  return { computedAt: body.computedAt, point: body.analyses[0].points.find((p) => p.model === model) ?? null };
}

describe("GET /api/models", () => {
  it("answers a page of the models matching a search (name, alias or family), and how many match", async () => {
    const prefix = uniqueName("paged");
    const names = ["a-1b", "b-2b", "c-3b"].map((s) => `${prefix}/${s}`);
    const registry = await buildRegistry();
    const bytes = longCsv(names.map((model) => ({ model, task: uniqueName("t"), metric: "acc", value: 0.5 })));
    expect((await ingestFile({ fileName: `${prefix}.csv`, bytes, registry })).ok).toBe(true);
    const page = async (search: string) => modelRegistryResponseSchema.parse(await (await GET(new Request(`http://atlas.test/api/models?${search}`))).json());
    const first = await page(`q=${prefix.toUpperCase()}&limit=2`);
    expect(first.total).toBe(3);
    expect(first.models.map((m) => m.name)).toEqual(names.slice(0, 2));
    const rest = await page(`q=${prefix}&limit=2&offset=2`);
    expect(rest).toMatchObject({ total: 3, models: [{ name: names[2] }] });
    expect((await page(`q=${uniqueName("nothing")}`)).total).toBe(0);
    expect((await GET(new Request("http://atlas.test/api/models?limit=10001"))).status).toBe(400);
  });

  it("lists each model with its aliases, counts and the source of each fact, and its checkpoints on request", async () => {
    const { models, family } = await makeFamilyCurve();
    const listed = await registryModel(models[0].name);
    expect(listed).toMatchObject({
      family, parameters: 7e7, trainingTokens: 3e11, flopsEstimated: true, checkpoints: 1, results: 1, edits: [],
      sources: { parameters: { kind: "cited", source: "test factory", edit: null }, trainingFlops: { kind: "cited", source: "test factory", edit: null } },
    });
    const one = await getOne(new Request(`http://atlas.test/api/models/${models[0].id}`), params(models[0].id));
    expect(await one.json()).toEqual({ model: listed });
    expect((await getOne(new Request("http://atlas.test/api/models/999999999"), params(999999999))).status).toBe(404);
    expect((await getOne(new Request("http://atlas.test/api/models/abc"), { params: Promise.resolve({ id: "abc" }) })).status).toBe(400);
    const res = await checkpoints(new Request(`http://atlas.test/api/models/${models[0].id}/checkpoints`), params(models[0].id));
    expect(modelCheckpointsResponseSchema.parse(await res.json())).toEqual({
      model: models[0].name, checkpoints: [{ revision: "final", step: null, tokensSeen: 3e11, isFinal: true, results: 1 }],
    });
  });
});

describe("PATCH /api/models/:id", () => {
  it("corrects parameters with a reason, re-estimates FLOPs, records who and why, and moves the stored curve and its analysis", async () => {
    const { token, who } = await namedToken();
    const { models, task } = await makeFamilyCurve();
    const target = models[3];
    const before = await analysedX(task, target.name);
    expect(before.point?.x).toBe(1e9);

    const res = await PATCH(jsonRequest("PATCH", `/api/models/${target.id}`, { parameters: 1.2e9, reason: "re-counted, embeddings included" }, { token }), params(target.id));
    expect(res.status).toBe(200);
    const body = modelEditResponseSchema.parse(await res.json());
    expect(body.analysisQueued).toBe(1);

    const listed = await registryModel(target.name);
    expect(listed).toMatchObject({ parameters: 1.2e9, trainingFlops: 6 * 1.2e9 * 3e11, flopsEstimated: true });
    expect(listed!.sources.parameters).toMatchObject({
      kind: "edit",
      source: "re-counted, embeddings included",
      edit: { field: "parameters", oldValue: 1e9, newValue: 1.2e9, tokenName: who, reason: "re-counted, embeddings included" },
    });
    expect(listed!.sources.trainingFlops.edit).toMatchObject({ oldValue: 6 * 1e9 * 3e11, newValue: 6 * 1.2e9 * 3e11 });
    expect(listed!.sources.trainingTokens).toEqual({ kind: "cited", source: "test factory", edit: null });
    expect(listed!.edits.map((e) => e.field).sort()).toEqual(["parameters", "trainingFlops"]);

    expect(await curveX(task, target.name, "params")).toMatchObject({ x: 1.2e9 });
    expect(await curveX(task, target.name, "flops")).toMatchObject({ x: 6 * 1.2e9 * 3e11, xEstimated: true });
    await whenAnalysisIdle();
    const after = await analysedX(task, target.name);
    expect(after.point?.x).toBe(1.2e9);
    expect(Date.parse(after.computedAt!)).toBeGreaterThanOrEqual(Date.parse(before.computedAt!));
  });

  it("keeps a reported FLOPs figure when tokens are corrected, and makes a fact unknown with null", async () => {
    const token = await newToken();
    const { models } = await makeFamilyCurve();
    const [target] = models;
    await PATCH(jsonRequest("PATCH", `/api/models/${target.id}`, { trainingFlops: 1.5e20, reason: "paper table 2" }, { token }), params(target.id));
    const res = await PATCH(jsonRequest("PATCH", `/api/models/${target.id}`, { trainingTokens: null, reason: "the 300B figure was a guess" }, { token }), params(target.id));
    expect(res.status).toBe(200);
    expect(await registryModel(target.name)).toMatchObject({ trainingTokens: null, trainingFlops: 1.5e20, flopsEstimated: false });
  });

  it("credits an upload's mapping, not the earlier edit, once the mapping replaces the corrected number", async () => {
    const token = await newToken();
    const { models } = await makeFamilyCurve();
    const [target] = models;
    await PATCH(jsonRequest("PATCH", `/api/models/${target.id}`, { parameters: 7.5e7, reason: "re-counted" }, { token }), params(target.id));
    const form = new FormData();
    const csv = longCsv([{ model: target.name, task: uniqueName("remap_task"), metric: "acc", value: 0.3, shots: 0 }]);
    form.append("files", new File([csv as Uint8Array<ArrayBuffer>], "remap.csv", { type: "text/csv" }));
    form.append("models", JSON.stringify([{ kind: "scale", name: target.name, family: null, parameters: 8e7, tokens: null, flops: null }]));
    expect((await upload(uploadRequest(form, { token, contentType: null }))).status).toBe(201);
    const listed = await registryModel(target.name);
    expect(listed).toMatchObject({ parameters: 8e7 });
    expect(listed!.sources.parameters).toEqual({ kind: "upload", source: "user-supplied with an upload", edit: null });
    expect(listed!.sources.trainingTokens).toMatchObject({ kind: "cited", source: "test factory" });
  });

  it.each([
    ["a negative number", { parameters: -5, reason: "r" }, 422, "parameters"],
    ["zero", { parameters: 0, reason: "r" }, 422, "parameters"],
    ["NaN as text", { parameters: "NaN", reason: "r" }, 422, "parameters"],
    ["a non-numeric value", { trainingTokens: "lots", reason: "r" }, 422, "trainingTokens"],
    ["no reason", { parameters: 2e9 }, 422, "reason"],
    ["a control character in the reason", { parameters: 2e9, reason: "bad\u0000reason" }, 422, "reason"],
    ["nothing to correct", { reason: "r" }, 422, "parameters"],
    ["a body that is not JSON", "{parameters: 1", 400, undefined],
  ])("refuses %s, naming the field, and stores nothing", async (_what, body, status, field) => {
    const token = await newToken();
    const { models } = await makeFamilyCurve();
    const before = await registryModel(models[0].name);
    const res = await PATCH(jsonRequest("PATCH", `/api/models/${models[0].id}`, body, { token }), params(models[0].id));
    expect(res.status).toBe(status);
    const error = apiErrorSchema.parse(await res.json()).error;
    expect(error.field).toBe(field);
    if (field) expect(error.message).toMatch(new RegExp(`^${field}: `));
    expect(await registryModel(models[0].name)).toEqual(before);
  });

  it("answers 422 naming a key the body gives twice, and changes nothing", async () => {
    const { token } = await namedToken();
    const [model] = (await makeFamilyCurve()).models;
    const before = await registryModel(model.name);
    const twice = '{"parameters": 1e9, "parameters": 2e9, "reason": "model card"}';
    const res = await PATCH(jsonRequest("PATCH", `/api/models/${model.id}`, twice, { token }), params(model.id));
    expect(res.status).toBe(422);
    expect(apiErrorSchema.parse(await res.json()).error.message).toContain('duplicate key "parameters"');
    expect(await registryModel(model.name)).toEqual(before);
  });

  it("answers 404 for a model nobody stored", async () => {
    const token = await newToken();
    const res = await PATCH(jsonRequest("PATCH", "/api/models/999999999", { parameters: 1e9, reason: "r" }, { token }), params(999999999));
    expect(res.status).toBe(404);
  });
});

describe("POST /api/models", () => {
  it("adds a model with FLOPs estimated from 6·N·D, credited to the token, and a later upload of that name resolves to it", async () => {
    const { token, who } = await namedToken();
    const name = uniqueName("lab/new-run");
    const family = uniqueName("NewFam");
    const res = await POST(jsonRequest("POST", "/api/models", { name, family, parameters: 3e9, trainingTokens: 1e12, trainingFlops: null, source: "our run log" }, { token }));
    expect(res.status).toBe(201);
    expect(modelEditResponseSchema.parse(await res.json()).model).toMatchObject({ name, family, trainingFlops: 1.8e22, flopsEstimated: true });
    const listed = await registryModel(name);
    expect(listed!.sources.parameters).toMatchObject({ source: "our run log", edit: { field: "created", tokenName: who } });

    const csv = longCsv([{ model: name, task: uniqueName("new_model_task"), metric: "acc", value: 0.4, shots: 0 }]);
    const preview = createUploadResponseSchema.parse(await (await upload(uploadRequest(csv, { token, query: "?dryRun=1" }))).json());
    expect("files" in preview && preview.files[0].models).toEqual([
      { name, family, scale: { parameters: 3e9, trainingTokens: 1e12, trainingFlops: 1.8e22, flopsEstimated: true } },
    ]);
  });

  it("answers 409 for a name that already denotes a model, as its name or an alias, in any case", async () => {
    const token = await newToken();
    const { models } = await makeFamilyCurve();
    await addAlias(jsonRequest("POST", `/api/models/${models[1].id}/aliases`, { alias: "Other-Name-" + models[1].id }, { token }), params(models[1].id));
    for (const name of [models[0].name.toUpperCase(), "other-name-" + models[1].id]) {
      const res = await POST(jsonRequest("POST", "/api/models", { name, family: null, parameters: 1e9, trainingTokens: null, trainingFlops: null, source: "s" }, { token }));
      expect(res.status).toBe(409);
      expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/^name: .* already names model/);
    }
  });

  it.each([
    ["a name over 200 characters", { name: "x".repeat(201) }, "name"],
    ["a control character in the name", { name: "lab/\u001bx" }, "name"],
    ["a negative parameter count", { parameters: -1e9 }, "parameters"],
    ["tokens as text", { trainingTokens: "300B" }, "trainingTokens"],
    ["no source", { source: "" }, "source"],
  ])("refuses %s with 422 and stores no model", async (_what, override, field) => {
    const token = await newToken();
    const name = uniqueName("lab/bad");
    const res = await POST(jsonRequest("POST", "/api/models", { name, family: null, parameters: 1e9, trainingTokens: null, trainingFlops: null, source: "s", ...override }, { token }));
    expect(res.status).toBe(422);
    expect(apiErrorSchema.parse(await res.json()).error.field).toBe(field);
    expect(await registryModel(name)).toBeNull();
  });
});

describe("POST /api/models/:id/aliases", () => {
  it("adds an alias that later uploads resolve to the model, and refuses one already used (409)", async () => {
    const token = await newToken();
    const { models } = await makeFamilyCurve();
    const alias = uniqueName("/ckpt/run");
    const aliasesOfOther = (await registryModel(models[3].name))!.aliases;
    const res = await addAlias(jsonRequest("POST", `/api/models/${models[2].id}/aliases`, { alias, reason: "our cluster path" }, { token }), params(models[2].id));
    expect(res.status).toBe(201);
    expect((await registryModel(models[2].name))!.aliases).toContain(alias);

    const csv = longCsv([{ model: alias, task: uniqueName("alias_task"), metric: "acc", value: 0.4, shots: 0 }]);
    const preview = createUploadResponseSchema.parse(await (await upload(uploadRequest(csv, { token, query: "?dryRun=1" }))).json());
    expect("files" in preview && preview.files[0].models[0]).toMatchObject({ name: models[2].name, scale: { parameters: models[2].parameters } });

    for (const [id, taken, whose] of [[models[3].id, alias.toUpperCase(), models[2].name], [models[3].id, models[4].name, models[4].name], [models[2].id, alias, "this model"]] as const) {
      const again = await addAlias(jsonRequest("POST", `/api/models/${id}/aliases`, { alias: taken }, { token }), params(id));
      expect(again.status).toBe(409);
      expect(apiErrorSchema.parse(await again.json()).error.message).toContain(whose === "this model" ? "already names this model" : `model ${JSON.stringify(whose)}`);
    }
    expect((await registryModel(models[3].name))!.aliases).toEqual(aliasesOfOther);
  });
});

describe("who may edit", () => {
  const edits = (id: number) => [
    () => PATCH(jsonRequest("PATCH", `/api/models/${id}`, { parameters: 9e9, reason: "r" }, CALLER), params(id)),
    () => POST(jsonRequest("POST", "/api/models", { name: uniqueName("lab/x"), family: null, parameters: 1e9, trainingTokens: null, trainingFlops: null, source: "s" }, CALLER)),
    () => addAlias(jsonRequest("POST", `/api/models/${id}/aliases`, { alias: uniqueName("a") }, CALLER), params(id)),
  ];
  let CALLER: { token?: string | null; origin?: string } = {};

  it.each([
    ["no token", () => ({ token: null }), 401, "missing_token"],
    ["an unknown token", () => ({ token: "atl_" + "x".repeat(40) }), 401, "invalid_token"],
    ["a foreign origin", async () => ({ token: await newToken(), origin: "https://evil.example" }), 403, "cross_origin"],
  ])("refuses %s for every edit and stores nothing", async (_what, caller, status, code) => {
    const { models } = await makeFamilyCurve();
    CALLER = await caller();
    const before = await registryModel(models[0].name);
    const modelCount = (await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM model")).rows[0].n;
    for (const edit of edits(models[0].id)) {
      const res = await edit();
      expect(res.status).toBe(status);
      expect(apiErrorSchema.parse(await res.json()).error.code).toBe(code);
    }
    expect(await registryModel(models[0].name)).toEqual(before);
    expect((await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM model")).rows[0].n).toBe(modelCount);
  });

  it("lets the app's own page edit (same origin)", async () => {
    const { models } = await makeFamilyCurve();
    const token = await newToken();
    const res = await PATCH(jsonRequest("PATCH", `/api/models/${models[0].id}`, { parameters: 8e7, reason: "r" }, { token, origin: "http://127.0.0.1:3000" }), params(models[0].id));
    expect(res.status).toBe(200);
  });
});
