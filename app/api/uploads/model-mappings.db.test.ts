// POST /api/uploads with model mappings (the upload page's "map unknown models"):
// the mapping is stored with the results, in the same transaction.
import { describe, expect, it } from "vitest";
import { POST } from "./route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";
import { getPool } from "@/lib/db/client";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { BASE, countStored, newToken, uploadRequest } from "@/lib/testing/upload-requests";
import { GET as listModels } from "../models/route";
import { listModelsResponseSchema } from "@/lib/schemas/models";

function form(csv: Uint8Array, models?: unknown): FormData {
  const body = new FormData();
  body.append("files", new File([csv as Uint8Array<ArrayBuffer>], "runs.csv", { type: "text/csv" }));
  if (models !== undefined) body.append("models", typeof models === "string" ? models : JSON.stringify(models));
  return body;
}

async function storedModel(alias: string) {
  const { rows } = await getPool().query<{ name: string; family: string | null; parameters: number | null; training_tokens: number | null; training_flops: number | null; flops_estimated: boolean; scale_source: string | null }>(
    `SELECT m.name, f.name AS family, m.parameters, m.training_tokens, m.training_flops, m.flops_estimated, m.scale_source
     FROM model_alias a JOIN model m ON m.id = a.model_id LEFT JOIN model_family f ON f.id = m.family_id WHERE a.alias = $1`,
    [alias],
  );
  return rows[0] ?? null;
}

describe("POST /api/uploads with model mappings", () => {
  it("previews and stores a model with the scale the uploader entered, marked user-supplied", async () => {
    const token = await newToken();
    const model = uniqueName("lab/run");
    const task = uniqueName("map_task");
    const csv = longCsv([{ model, task, metric: "acc", value: 0.4, stderr: 0.01, shots: 0 }]);
    const mapping = [{ kind: "scale", name: model, family: "My Runs", parameters: 1.1e9, tokens: 3e11, flops: null }];

    const preview = createUploadResponseSchema.parse(await (await POST(uploadRequest(form(csv, mapping), { token, contentType: null, query: "?dryRun=1" }))).json());
    expect(preview).toMatchObject({ dryRun: true, summary: { unknownScaleModels: [] } });
    expect("files" in preview && preview.files[0].models).toEqual([
      { name: model, family: "My Runs", scale: { parameters: 1.1e9, trainingTokens: 3e11, trainingFlops: 6 * 1.1e9 * 3e11, flopsEstimated: true } },
    ]);
    expect(await storedModel(model)).toBeNull();

    const res = await POST(uploadRequest(form(csv, mapping), { token, contentType: null }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ summary: { inserted: 1, unknownScaleModels: [] } });
    expect(await storedModel(model)).toMatchObject({
      name: model, family: "My Runs", parameters: 1.1e9, training_tokens: 3e11, flops_estimated: true, scale_source: "user-supplied with an upload",
    });

    // the next file naming that model finds it in the registry, and GET /api/models lists it
    const next = longCsv([{ model, task: uniqueName("map_task"), metric: "acc", value: 0.5, shots: 0 }]);
    const again = createUploadResponseSchema.parse(await (await POST(uploadRequest(next, { token, query: "?dryRun=1" }))).json());
    expect("files" in again && again.files[0].models[0].scale).toMatchObject({ parameters: 1.1e9 });
    const listed = listModelsResponseSchema.parse(await (await listModels(new Request(`${BASE}/api/models?q=${encodeURIComponent(model)}`))).json());
    expect(listed.models.find((m) => m.name === model)).toEqual({
      name: model, family: "My Runs", parameters: 1.1e9, trainingTokens: 3e11, trainingFlops: 6 * 1.1e9 * 3e11, flopsEstimated: true,
      source: "user-supplied with an upload",
    });
  });

  it("maps an unknown name onto a stored model as its alias", async () => {
    const token = await newToken();
    const target = uniqueName("lab/base");
    const task = uniqueName("alias_task");
    const first = longCsv([{ model: target, task, metric: "acc", value: 0.3, shots: 0 }]);
    await POST(uploadRequest(form(first, [{ kind: "scale", name: target, family: null, parameters: 7e9, tokens: null, flops: null }]), { token, contentType: null }));

    const other = uniqueName("/ckpt/base-copy");
    const second = longCsv([{ model: other, task: uniqueName("alias_task"), metric: "acc", value: 0.5, shots: 0 }]);
    const res = await POST(uploadRequest(form(second, [{ kind: "alias", name: other, model: target }]), { token, contentType: null }));
    expect(res.status).toBe(201);
    expect(await storedModel(other)).toMatchObject({ name: target, parameters: 7e9 });
  });

  it.each([
    ["not JSON", "[{", 400, /^models: is not JSON/],
    ["a negative parameter count", [{ kind: "scale", name: "x", family: null, parameters: -1, tokens: null, flops: null }], 422, /^models\.0\.parameters/],
    ["no scale fact at all", [{ kind: "scale", name: "x", family: null, parameters: null, tokens: null, flops: null }], 422, /at least one of/],
    ["a control character in the name", [{ kind: "alias", name: "a\u0000b", model: "x" }], 422, /^models\.0\.name/],
    ["an alias of a model nobody stored", [{ kind: "alias", name: "x", model: "no/such-model-anywhere" }], 422, /no stored model is named/],
    ["the same name twice", [{ kind: "alias", name: "x", model: "pythia-70m" }, { kind: "alias", name: "X", model: "pythia-70m" }], 422, /mapped twice/],
  ])("refuses %s and stores nothing", async (_what, models, status, message) => {
    const token = await newToken();
    const task = uniqueName("bad_map");
    const res = await POST(uploadRequest(form(longCsv([{ model: "x", task, metric: "acc", value: 0.5 }]), models), { token, contentType: null }));
    expect(res.status).toBe(status);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(message);
    expect(await countStored({ task })).toEqual({ results: 0, uploads: 0 });
  });
});
