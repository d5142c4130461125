// Issue 10, row 12: an upload belongs to the token that made it; deleting another's needs an admin
// token; every deletion is recorded (who, when, what) and deletions are rate-limited per token.
import { afterEach, describe, expect, it } from "vitest";
import { POST } from "./route";
import { DELETE } from "./[id]/route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { createUploadResponseSchema, deleteUploadResponseSchema } from "@/lib/schemas/uploads";
import { createApiToken } from "@/lib/db/api-tokens";
import { getPool } from "@/lib/db/client";
import { ingestFile } from "@/lib/services/ingest/ingest-file";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { countStored, uploadRequest } from "@/lib/testing/upload-requests";

afterEach(() => {
  delete process.env.ATLAS_DELETE_RATE_PER_MINUTE;
});

const csv = (task: string) => longCsv([{ model: "pythia-70m", task, metric: "acc", value: 0.5 }, { model: "pythia-160m", task, metric: "acc", value: 0.6 }]);

async function tokenNamed(prefix: string, admin = false) {
  const made = await createApiToken(uniqueName(prefix), { admin });
  return { secret: made.token, name: made.name };
}

async function uploadAs(secret: string): Promise<{ id: number; task: string }> {
  const task = uniqueName("own_task");
  const body = createUploadResponseSchema.parse(await (await POST(uploadRequest(csv(task), { token: secret, query: "?name=mine.csv" }))).json());
  return { id: (body as { uploadId: number }).uploadId, task };
}

const del = (id: number, secret: string) =>
  DELETE(new Request(`http://atlas.test/api/uploads/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${secret}` } }), {
    params: Promise.resolve({ id: String(id) }),
  });

async function deletions(id: number) {
  const { rows } = await getPool().query(
    `SELECT file_name AS "fileName", owner_token_name AS owner, token_name AS "by", as_admin AS "asAdmin", results, restored,
            deleted_at > now() - interval '1 minute' AS recent
     FROM upload_deletion WHERE upload_id = $1`,
    [id],
  );
  return rows;
}

describe("DELETE /api/uploads/:id and who may", () => {
  it("403 for another token: the upload and its results stay, and nothing is recorded", async () => {
    const alice = await tokenNamed("alice");
    const bob = await tokenNamed("bob");
    const upload = await uploadAs(alice.secret);
    const res = await del(upload.id, bob.secret);
    expect(res.status).toBe(403);
    expect(apiErrorSchema.parse(await res.json()).error).toEqual({
      code: "not_owner",
      message: `upload ${upload.id} was made by another token; only the token that made it or an admin token may delete it (npm run token -- create NAME --admin)`,
    });
    expect(await countStored({ task: upload.task })).toMatchObject({ results: 2 });
    expect(await deletions(upload.id)).toEqual([]);
  });

  it("the token that made it deletes it, and the deletion is recorded with who and when", async () => {
    const alice = await tokenNamed("alice");
    const upload = await uploadAs(alice.secret);
    const res = await del(upload.id, alice.secret);
    expect(res.status).toBe(200);
    expect(deleteUploadResponseSchema.parse(await res.json()).deleted).toEqual({ id: upload.id, results: 2, restored: 0 });
    expect(await deletions(upload.id)).toEqual([{ fileName: "mine.csv", owner: alice.name, by: alice.name, asAdmin: false, results: 2, restored: 0, recent: true }]);
  });

  it("an admin token deletes another token's upload, recorded as an admin deletion", async () => {
    const alice = await tokenNamed("alice");
    const admin = await tokenNamed("admin", true);
    const upload = await uploadAs(alice.secret);
    expect((await del(upload.id, admin.secret)).status).toBe(200);
    expect(await countStored({ task: upload.task })).toMatchObject({ results: 0 });
    expect(await deletions(upload.id)).toEqual([{ fileName: "mine.csv", owner: alice.name, by: admin.name, asAdmin: true, results: 2, restored: 0, recent: true }]);
  });

  it("an upload the command line (or the demo seed) made is deletable only with an admin token", async () => {
    const task = uniqueName("cli_task");
    const cli = await ingestFile({ fileName: "cli.csv", bytes: csv(task), registry: await buildRegistry() });
    if (!cli.ok) throw new Error(cli.error);
    const plain = await tokenNamed("plain");
    const res = await del(cli.uploadId!, plain.secret);
    expect(res.status).toBe(403);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/made by the command line or the demo seed; only an admin token may delete it/);
    const admin = await tokenNamed("admin", true);
    expect((await del(cli.uploadId!, admin.secret)).status).toBe(200);
    expect(await deletions(cli.uploadId!)).toEqual([{ fileName: "cli.csv", owner: null, by: admin.name, asAdmin: true, results: 2, restored: 0, recent: true }]);
  });

  it("429 with Retry-After past the per-token deletion rate, refused attempts included; other tokens unaffected", async () => {
    process.env.ATLAS_DELETE_RATE_PER_MINUTE = "2";
    const alice = await tokenNamed("alice");
    const mallory = await tokenNamed("mallory");
    const [a, b] = [await uploadAs(alice.secret), await uploadAs(alice.secret)];
    expect((await del(a.id, mallory.secret)).status).toBe(403);
    expect((await del(b.id, mallory.secret)).status).toBe(403);
    const limited = await del(a.id, mallory.secret);
    expect(limited.status).toBe(429);
    expect(apiErrorSchema.parse(await limited.json()).error.message).toMatch(/^this token may make 2 deletions a minute; retry in \d+ s$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await del(a.id, alice.secret)).status).toBe(200);
  });
});
