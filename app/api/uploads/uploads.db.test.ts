// POST/GET/DELETE /api/uploads against real Postgres: the contract (section 2 of issue 4).
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { GET as listRoute, POST } from "./route";
import { DELETE, GET as getRoute } from "./[id]/route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { getPool } from "@/lib/db/client";
import { whenAnalysisIdle } from "@/lib/services/analysis/drain";
import { GET as analysisRoute } from "@/app/api/analysis/route";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { BASE, countStored, newToken, uploadRequest } from "@/lib/testing/upload-requests";
import {
  createUploadResponseSchema,
  deleteUploadResponseSchema,
  listUploadsResponseSchema,
  uploadResponseSchema,
} from "@/lib/schemas/uploads";

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const PYTHIA_70M_JSON = readFileSync(
  path.resolve(import.meta.dirname, "../../../data/demo/pythia/evals/pythia-v1/pythia-70m/five-shot/70m-5shot_step143000.json"),
);

function curveCsv(task: string, values: number[]) {
  const models = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b"];
  return longCsv(values.map((value, i) => ({ model: models[i], task, metric: "acc", value, stderr: 0.01, shots: 0 })));
}

async function resultValues(task: string): Promise<Record<string, number>> {
  const { rows } = await getPool().query<{ model: string; value: number }>(
    `SELECT m.name AS model, r.value FROM result r JOIN task t ON t.id = r.task_id
     JOIN checkpoint c ON c.id = r.checkpoint_id JOIN model m ON m.id = c.model_id WHERE t.name = $1`,
    [task],
  );
  return Object.fromEntries(rows.map((r) => [r.model, r.value]));
}

afterEach(() => {
  delete process.env.ATLAS_REQUIRE_TOKEN_FOR_READS;
});

describe("POST /api/uploads", () => {
  it("stores a CSV body (201), answers the same bytes with 200 and the same id, and lists its provenance", async () => {
    const token = await newToken();
    const task = uniqueName("up_task");
    const bytes = curveCsv(task, [0.25, 0.26, 0.3, 0.45, 0.6, 0.7]);
    const first = await POST(uploadRequest(bytes, { token, query: "?name=notebook.csv&note=first%20run" }));
    expect(first.status).toBe(201);
    const created = createUploadResponseSchema.parse(await first.json());
    expect(created).toMatchObject({
      alreadyUploaded: false, analysisQueued: 1, summary: { files: 1, parsed: 6, inserted: 6, updated: 0, errors: [] },
    });
    const uploadId = (created as { uploadId: number }).uploadId;

    const again = await POST(uploadRequest(bytes, { token, query: "?name=other-name.csv" }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ uploadId, alreadyUploaded: true, analysisQueued: 0, summary: { inserted: 0, skipped: 6 } });
    expect(await countStored({ task, sha256: sha(bytes) })).toEqual({ results: 6, uploads: 1 });

    const asHolder = { headers: { authorization: `Bearer ${token}` } };
    const one = uploadResponseSchema.parse(await (await getRoute(new Request(`${BASE}/api/uploads/${uploadId}`, asHolder), ctx(uploadId))).json());
    expect(one.upload).toMatchObject({
      id: uploadId, fileName: "notebook.csv", sha256: sha(bytes), format: "csv-long", note: "first run",
      parsed: 6, inserted: 6, results: 6, tasks: [task],
    });
    expect(one.upload.tokenName).toMatch(/^tok_/);
    const list = listUploadsResponseSchema.parse(await (await listRoute(new Request(`${BASE}/api/uploads?limit=500`, asHolder))).json());
    expect(list.uploads.find((u) => u.id === uploadId)).toMatchObject({ fileName: "notebook.csv", tokenName: one.upload.tokenName });
    // the touched curves are analysed in the background
    await whenAnalysisIdle();
    const { rows } = await getPool().query("SELECT 1 FROM curve_analysis a JOIN task t ON t.id = a.task_id WHERE t.name = $1", [task]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("stores an lm-eval JSON body named by X-File-Name", async () => {
    const token = await newToken();
    await getPool().query("DELETE FROM upload WHERE sha256 = $1", [sha(PYTHIA_70M_JSON)]);
    const res = await POST(uploadRequest(PYTHIA_70M_JSON, { token, contentType: "application/json", headers: { "x-file-name": "dir%2F70m%20five-shot.json" } }));
    expect([200, 201]).toContain(res.status);
    const body = createUploadResponseSchema.parse(await res.json());
    const id = (body as { uploadId: number }).uploadId;
    const one = uploadResponseSchema.parse(await (await getRoute(new Request(`${BASE}/api/uploads/${id}`), ctx(id))).json());
    expect(one.upload).toMatchObject({ fileName: "70m five-shot.json", format: "lm-eval-v0.3" });
  });

  it("previews with ?dryRun=1: counts, models with their scale or null, tasks, metrics, shots, problems; stores nothing", async () => {
    const token = await newToken();
    const task = uniqueName("up_task");
    const stranger = uniqueName("lab/unknown");
    const bytes = longCsv([
      { model: "pythia-70m", task, metric: "acc", value: 0.3, shots: 0 },
      { model: stranger, task, metric: "acc", value: 0.4, shots: 5 },
    ]);
    const res = await POST(uploadRequest(bytes, { token, query: "?dryRun=1&name=p.csv" }));
    expect(res.status).toBe(200);
    const body = createUploadResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ dryRun: true, summary: { parsed: 2, inserted: 2, unknownScaleModels: [stranger] } });
    const file = (body as { files: unknown[] }).files[0];
    expect(file).toMatchObject({
      fileName: "p.csv", ok: true, format: "csv-long", tasks: [task], metrics: ["acc"], shots: [0, 5], problems: [], inserted: 2,
      models: [
        { name: "pythia-70m", family: "Pythia", scale: expect.objectContaining({ parameters: 70_426_624 }) },
        { name: stranger, family: null, scale: null },
      ],
    });
    expect(await countStored({ task, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });

    const bad = longCsv([{ model: "pythia-70m", task, metric: "acc", value: 1.5 }]);
    const preview = createUploadResponseSchema.parse(await (await POST(uploadRequest(bad, { token, query: "?dryRun=1&name=b.csv" }))).json());
    expect((preview as { files: { ok: boolean; problems: string[] }[] }).files[0]).toMatchObject({ ok: false, problems: [expect.stringMatching(/b\.csv:2: .*outside its bounds/)] });
  });

  it("takes several files as multipart (201 with every id), and refuses them all if one is bad", async () => {
    const token = await newToken();
    const [a, b] = [uniqueName("up_task"), uniqueName("up_task")];
    const form = new FormData();
    form.append("files", new File([curveCsv(a, [0.3, 0.4]) as Uint8Array<ArrayBuffer>], "a.csv", { type: "text/csv" }));
    form.append("files", new File([curveCsv(b, [0.3, 0.5]) as Uint8Array<ArrayBuffer>], "b.csv"));
    const res = await POST(uploadRequest(form, { token, contentType: null }));
    expect(res.status).toBe(201);
    const body = createUploadResponseSchema.parse(await res.json()) as { uploadIds: number[] };
    expect(body.uploadIds).toHaveLength(2);
    expect(body).toMatchObject({ summary: { files: 2, inserted: 4 } });

    const [c, d] = [uniqueName("up_task"), uniqueName("up_task")];
    const mixed = new FormData();
    mixed.append("files", new File([curveCsv(c, [0.3, 0.4]) as Uint8Array<ArrayBuffer>], "good.csv", { type: "text/csv" }));
    mixed.append("files", new File([longCsv([{ model: "pythia-70m", task: d, metric: "acc", value: 7 }]) as Uint8Array<ArrayBuffer>], "bad.csv", { type: "text/csv" }));
    const refused = await POST(uploadRequest(mixed, { token, contentType: null }));
    expect(refused.status).toBe(422);
    expect(apiErrorSchema.parse(await refused.json()).error.message).toMatch(/bad\.csv:2/);
    expect(await countStored({ task: c })).toMatchObject({ results: 0 });
    expect(await countStored({ task: d })).toMatchObject({ results: 0 });
  });
});

describe("DELETE /api/uploads/:id", () => {
  it("removes exactly that upload's results, keeps values a later upload overwrote, and refreshes the analysis", async () => {
    const token = await newToken();
    const task = uniqueName("up_task");
    const first = createUploadResponseSchema.parse(
      await (await POST(uploadRequest(curveCsv(task, [0.25, 0.26, 0.3, 0.45, 0.6, 0.7]), { token }))).json(),
    ) as { uploadId: number };
    // a later upload revises two of the six numbers
    const later = createUploadResponseSchema.parse(
      await (await POST(uploadRequest(longCsv([
        { model: "pythia-1.4b", task, metric: "acc", value: 0.61, stderr: 0.01, shots: 0 },
        { model: "pythia-2.8b", task, metric: "acc", value: 0.72, stderr: 0.01, shots: 0 },
      ]), { token }))).json(),
    ) as { uploadId: number; summary: { updated: number } };
    expect(later.summary.updated).toBe(2);

    const res = await DELETE(new Request(`${BASE}/api/uploads/${first.uploadId}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }), ctx(first.uploadId));
    expect(res.status).toBe(200);
    expect(deleteUploadResponseSchema.parse(await res.json())).toMatchObject({ deleted: { id: first.uploadId, results: 4, restored: 0 }, analysisQueued: 1 });
    expect(await resultValues(task)).toEqual({ "pythia-1.4b": 0.61, "pythia-2.8b": 0.72 });
    const gone = await getRoute(new Request(`${BASE}/api/uploads/${first.uploadId}`), ctx(first.uploadId));
    expect(gone.status).toBe(404);

    await DELETE(new Request(`${BASE}/api/uploads/${later.uploadId}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }), ctx(later.uploadId));
    expect(await resultValues(task)).toEqual({});
    await whenAnalysisIdle();
    const { rows } = await getPool().query("SELECT 1 FROM curve_analysis a JOIN task t ON t.id = a.task_id WHERE t.name = $1", [task]);
    expect(rows).toHaveLength(0);
  });

  it("brings back the values an upload replaced when it is deleted, and re-analyses the curve", async () => {
    const token = await newToken();
    const task = uniqueName("up_task");
    const before = [0.25, 0.26, 0.3, 0.45, 0.6, 0.7];
    await POST(uploadRequest(curveCsv(task, before), { token }));
    await whenAnalysisIdle();
    const analysisUrl = `${BASE}/api/analysis?task=${task}&metric=acc&shots=0`;
    const analysed = analysisResponseSchema.parse(await (await analysisRoute(new Request(analysisUrl))).json());
    const original = await resultValues(task);
    // a correction of two numbers by a second file, then a third file replacing one of them again
    const correction = createUploadResponseSchema.parse(
      await (await POST(uploadRequest(longCsv([
        { model: "pythia-1.4b", task, metric: "acc", value: 0.9, stderr: 0.01, shots: 0 },
        { model: "pythia-2.8b", task, metric: "acc", value: 0.95, stderr: 0.01, shots: 0 },
      ]), { token }))).json(),
    ) as { uploadId: number };
    const third = createUploadResponseSchema.parse(
      await (await POST(uploadRequest(longCsv([{ model: "pythia-2.8b", task, metric: "acc", value: 0.5, stderr: 0.02, shots: 0 }]), { token }))).json(),
    ) as { uploadId: number };
    expect(await resultValues(task)).toMatchObject({ "pythia-1.4b": 0.9, "pythia-2.8b": 0.5 });

    const del = (id: number) =>
      DELETE(new Request(`${BASE}/api/uploads/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }), ctx(id));
    // deleting the middle one: 1.4b goes back to the first file's value; 2.8b belongs to the third file and stays
    const middle = deleteUploadResponseSchema.parse(await (await del(correction.uploadId)).json());
    expect(middle.deleted).toEqual({ id: correction.uploadId, results: 1, restored: 1 });
    expect(await resultValues(task)).toEqual({ ...original, "pythia-2.8b": 0.5 });
    // deleting the third: 2.8b goes back to the newest value whose upload still exists, the first file's
    expect(deleteUploadResponseSchema.parse(await (await del(third.uploadId)).json()).deleted).toEqual({ id: third.uploadId, results: 1, restored: 1 });
    expect(await resultValues(task)).toEqual(original);
    await whenAnalysisIdle();
    const again = analysisResponseSchema.parse(await (await analysisRoute(new Request(analysisUrl))).json());
    expect(again.pending).toBe(false);
    expect(again.analyses.map((a) => [a.family, a.verdict, a.points.map((p) => p.value)])).toEqual(
      analysed.analyses.map((a) => [a.family, a.verdict, a.points.map((p) => p.value)]),
    );
    const { rows } = await getPool().query(
      "SELECT 1 FROM result_superseded s JOIN task t ON t.id = s.task_id WHERE t.name = $1",
      [task],
    );
    expect(rows).toHaveLength(0);
  });

  it("needs a token, answers 404 for an unknown upload and 400 for a malformed id", async () => {
    const token = await newToken();
    const auth = { authorization: `Bearer ${token}` };
    expect((await DELETE(new Request(`${BASE}/api/uploads/1`, { method: "DELETE" }), ctx(1))).status).toBe(401);
    expect((await DELETE(new Request(`${BASE}/api/uploads/999999999`, { method: "DELETE", headers: auth }), ctx(999999999))).status).toBe(404);
    const bad = await DELETE(new Request(`${BASE}/api/uploads/abc`, { method: "DELETE", headers: auth }), ctx("abc"));
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.field).toBe("id");
  });
});

describe("analysis after a write", () => {
  // PGlite is one session: an advisory lock held "elsewhere" would be its own and not block.
  it.runIf(inject("databaseKind") === "postgres")("answers before the analysis is stored, says pending, and stores it afterwards", async () => {
    const token = await newToken();
    const task = uniqueName("up_task");
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      // the refresh lock (lib/services/analysis/refresh-analyses.ts) held by another session: no analysis can be stored meanwhile
      await blocker.query("SELECT pg_advisory_lock(7245001)");
      const res = await POST(uploadRequest(curveCsv(task, [0.25, 0.26, 0.3, 0.45, 0.6, 0.7]), { token }));
      expect(res.status).toBe(201);
      const body = analysisResponseSchema.parse(
        await (await analysisRoute(new Request(`${BASE}/api/analysis?task=${task}&metric=acc&shots=0`))).json(),
      );
      expect(body).toMatchObject({ pending: true, analyses: [], computedAt: null });
    } finally {
      await blocker.query("SELECT pg_advisory_unlock(7245001)");
      await blocker.end();
    }
    await whenAnalysisIdle();
    const after = analysisResponseSchema.parse(
      await (await analysisRoute(new Request(`${BASE}/api/analysis?task=${task}&metric=acc&shots=0`))).json(),
    );
    expect(after.pending).toBe(false);
    expect(after.analyses.map((a) => a.family)).toEqual(["Pythia"]);
  });
});

describe("reads", () => {
  it("are open by default and need a token when ATLAS_REQUIRE_TOKEN_FOR_READS=1", async () => {
    expect((await listRoute(new Request(`${BASE}/api/uploads`))).status).toBe(200);
    process.env.ATLAS_REQUIRE_TOKEN_FOR_READS = "1";
    const closed = await listRoute(new Request(`${BASE}/api/uploads`));
    expect(closed.status).toBe(401);
    expect(closed.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const token = await newToken();
    expect((await listRoute(new Request(`${BASE}/api/uploads`, { headers: { authorization: `Bearer ${token}` } }))).status).toBe(200);
  });

  it("show token names to token holders only, in the list and the detail (issue 10)", async () => {
    const token = await newToken();
    const created = createUploadResponseSchema.parse(await (await POST(uploadRequest(curveCsv(uniqueName("who_task"), [0.3]), { token }))).json());
    const id = (created as { uploadId: number }).uploadId;
    const read = async (headers: Record<string, string>) => {
      const list = listUploadsResponseSchema.parse(await (await listRoute(new Request(`${BASE}/api/uploads?limit=500`, { headers }))).json());
      const one = uploadResponseSchema.parse(await (await getRoute(new Request(`${BASE}/api/uploads/${id}`, { headers }), ctx(id))).json()).upload;
      const listed = list.uploads.find((u) => u.id === id)!;
      return [listed.tokenName, listed.tokenHidden, one.tokenName, one.tokenHidden];
    };
    expect(await read({})).toEqual([null, true, null, true]);
    // a token that does not check out reads like none: the read is open anyway
    expect(await read({ authorization: `Bearer atl_${"A".repeat(43)}` })).toEqual([null, true, null, true]);
    const name = expect.stringMatching(/^tok_/);
    expect(await read({ authorization: `Bearer ${await newToken()}` })).toEqual([name, false, name, false]);
    process.env.ATLAS_REQUIRE_TOKEN_FOR_READS = "1";
    expect(await read({ authorization: `Bearer ${token}` })).toEqual([name, false, name, false]);
  });

  it("say an upload without a token has none, to anyone", async () => {
    const task = uniqueName("cli_read_task");
    const cli = await ingestFile({ fileName: "cli.csv", bytes: curveCsv(task, [0.3]), registry: await buildRegistry() });
    if (!cli.ok) throw new Error(cli.error);
    const one = uploadResponseSchema.parse(await (await getRoute(new Request(`${BASE}/api/uploads/${cli.uploadId}`), ctx(cli.uploadId!))).json()).upload;
    expect([one.tokenName, one.tokenHidden]).toEqual([null, false]);
  });
});
