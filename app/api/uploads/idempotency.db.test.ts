// Issue 10: an Idempotency-Key on POST /api/uploads replays the first answer to a retry with the same
// payload, refuses another payload (422) and a retry while the first runs (409); kept in Postgres, per token.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { POST } from "./route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";
import { getPool } from "@/lib/db/client";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { countStored, newToken, uploadRequest } from "@/lib/testing/upload-requests";

const csv = (task: string, value = 0.5) => longCsv([{ model: "pythia-70m", task, metric: "acc", value }, { model: "pythia-160m", task, metric: "acc", value: value + 0.1 }]);
const post = (body: BodyInit | Uint8Array, token: string, key: string, contentType?: string | null) =>
  POST(uploadRequest(body, { token, headers: { "idempotency-key": key }, contentType }));

function form(task: string): FormData {
  const body = new FormData();
  body.append("files", new File([csv(task) as Uint8Array<ArrayBuffer>], "a.csv", { type: "text/csv" }));
  body.append("files", new File([csv(`${task}_b`) as Uint8Array<ArrayBuffer>], "b.csv", { type: "text/csv" }));
  return body;
}

describe("Idempotency-Key on POST /api/uploads", () => {
  it("a retry with the same key and payload gets the first answer (201, same id), and nothing is stored twice", async () => {
    const token = await newToken();
    const task = uniqueName("idem_task");
    const key = randomUUID();
    const first = await post(csv(task), token, key);
    expect(first.status).toBe(201);
    const answer = createUploadResponseSchema.parse(await first.json());
    const retry = await post(csv(task), token, key);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(answer);
    expect(await countStored({ task })).toMatchObject({ results: 2 });
    // without the key the same bytes are "already uploaded": the replay is the first answer, not a new one
    expect((await POST(uploadRequest(csv(task), { token }))).status).toBe(200);
  });

  it("recognises the same multipart payload under a new boundary", async () => {
    const token = await newToken();
    const task = uniqueName("idem_task");
    const key = randomUUID();
    const first = await post(form(task), token, key, null);
    expect(first.status).toBe(201);
    const retry = await post(form(task), token, key, null);
    expect([retry.status, await retry.json()]).toEqual([201, await first.json()]);
  });

  it("422 for the same key with another payload, storing nothing of it", async () => {
    const token = await newToken();
    const [task, other] = [uniqueName("idem_task"), uniqueName("idem_other")];
    const key = randomUUID();
    expect((await post(csv(task), token, key)).status).toBe(201);
    const res = await post(csv(other), token, key);
    expect(res.status).toBe(422);
    expect(apiErrorSchema.parse(await res.json()).error).toEqual({
      code: "idempotency_key_reused",
      message: `Idempotency-Key "${key}" was already used with another payload; use a new key for a different upload`,
    });
    expect(await countStored({ task: other })).toEqual({ results: 0, uploads: 0 });
  });

  it("keys are per token: another token's same key is its own", async () => {
    const [alice, bob] = [await newToken(), await newToken()];
    const key = randomUUID();
    expect((await post(csv(uniqueName("idem_task")), alice, key)).status).toBe(201);
    const task = uniqueName("idem_task");
    expect((await post(csv(task), bob, key)).status).toBe(201);
    expect(await countStored({ task })).toMatchObject({ results: 2 });
  });

  it("a failed request frees its key: the retry runs again", async () => {
    const token = await newToken();
    const key = randomUUID();
    const bad = new TextEncoder().encode("model,task,metric,value\npythia-70m,t,acc,1.5\n");
    expect((await post(bad, token, key)).status).toBe(422);
    const { rows } = await getPool().query("SELECT 1 FROM upload_idempotency WHERE key = $1", [key]);
    expect(rows).toHaveLength(0);
    expect((await post(bad, token, key)).status).toBe(422);
  });

  it.each(["", "caf\u00e9", "a b", "x".repeat(256)])("400 for a malformed key (%j)", async (key) => {
    const res = await post(csv(uniqueName("idem_task")), await newToken(), key);
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(await res.json()).error.message).toMatch(/^Idempotency-Key: must be 1-255 visible ASCII characters/);
  });

  // Needs a second session to hold the first request inside its transaction; the embedded PGlite has one.
  it.runIf(inject("databaseKind") === "postgres")("409 with Retry-After while the first request still runs, then its answer", async () => {
    const token = await newToken();
    const task = uniqueName("idem_task");
    const key = randomUUID();
    const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
    await blocker.connect();
    await blocker.query("BEGIN");
    // writes to upload wait behind this; reads go on
    await blocker.query("LOCK TABLE upload IN EXCLUSIVE MODE");
    const first = post(csv(task), token, key);
    try {
      for (let i = 0; ; i++) {
        const { rows } = await getPool().query("SELECT 1 FROM upload_idempotency WHERE key = $1", [key]);
        if (rows.length > 0) break;
        if (i > 2000) throw new Error("the first request never claimed its key");
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const during = await post(csv(task), token, key);
      expect(during.status).toBe(409);
      expect(during.headers.get("retry-after")).toBe("2");
      expect(apiErrorSchema.parse(await during.json()).error.code).toBe("idempotency_key_in_use");
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    const done = await first;
    expect(done.status).toBe(201);
    const after = await post(csv(task), token, key);
    expect([after.status, await after.json()]).toEqual([201, await done.json()]);
  });
});
