// Issue 10, row 9: with the database unreachable every route answers 503 saying why, health included;
// and a statement, lock or idle-in-transaction timeout answers 503 and rolls back.
import net from "node:net";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { GET as analysis } from "./analysis/route";
import { GET as curves } from "./curves/route";
import { GET as figure } from "./figures/[file]/route";
import { GET as health } from "./health/route";
import { POST as addAlias } from "./models/[id]/aliases/route";
import { GET as model, PATCH as correctModel } from "./models/[id]/route";
import { GET as models, POST as addModel } from "./models/route";
import { GET as overview } from "./overview/route";
import { GET as tasks } from "./tasks/route";
import { DELETE as deleteUpload, GET as upload } from "./uploads/[id]/route";
import { GET as uploads, POST as postUpload } from "./uploads/route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";
import { healthResponseSchema } from "@/lib/schemas/health";
import { whenAnalysisIdle } from "@/lib/services/analysis/drain";
import { closeDb, getPool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/with-transaction";
import { toDatabaseFailure } from "@/lib/errors/to-database-failure";
import { longCsv, uniqueName } from "@/lib/testing/factories";
import { jsonRequest } from "@/lib/testing/model-factories";
import { countStored, newToken, uploadRequest } from "@/lib/testing/upload-requests";

type Handler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const at = (path: string, init?: RequestInit) => new Request(`http://127.0.0.1${path}`, init);
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

const TEST_URL = inject("databaseUrl");
const saved = { ...process.env };

/** Points this process's pool at another database URL (or other settings) until the test ends. */
async function useEnv(vars: Record<string, string>) {
  // a background re-analysis an upload started would reopen the pool with the old settings
  await whenAnalysisIdle();
  await closeDb();
  Object.assign(process.env, vars);
}

afterEach(async () => {
  await whenAnalysisIdle();
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  await closeDb();
});

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let token: string;
let uploadId: number;
let modelId: number;
beforeAll(async () => {
  token = await newToken();
  const res = await postUpload(uploadRequest(longCsv([{ model: "pythia-70m", task: uniqueName("down_task"), metric: "acc", value: 0.5 }]), { token }));
  uploadId = (createUploadResponseSchema.parse(await res.json()) as { uploadId: number }).uploadId;
  const { rows } = await getPool().query<{ id: number }>("SELECT id FROM model WHERE name = 'pythia-70m'");
  modelId = rows[0].id;
});

const routes = (): [string, Handler, Request, ReturnType<typeof ctx>?][] => [
  ["GET /api/tasks", tasks, at("/api/tasks")],
  ["GET /api/curves", curves, at("/api/curves?task=lambada_openai")],
  ["GET /api/analysis", analysis, at("/api/analysis?task=lambada_openai")],
  ["GET /api/overview", overview, at("/api/overview?q=arith")],
  ["GET /api/figures", figure, at("/api/figures/lambada_openai.svg"), ctx({ file: "lambada_openai.svg" })],
  ["GET /api/models", models, at("/api/models")],
  ["GET /api/models/:id", model, at(`/api/models/${modelId}`), ctx({ id: String(modelId) })],
  ["GET /api/uploads", uploads, at("/api/uploads")],
  ["GET /api/uploads/:id", upload, at(`/api/uploads/${uploadId}`), ctx({ id: String(uploadId) })],
  ["POST /api/uploads", postUpload, uploadRequest(longCsv([{ model: "pythia-70m", task: uniqueName("never"), metric: "acc", value: 0.5 }]), { token })],
  ["DELETE /api/uploads/:id", deleteUpload, at(`/api/uploads/${uploadId}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }), ctx({ id: String(uploadId) })],
  ["POST /api/models", addModel, jsonRequest("POST", "/api/models", { name: uniqueName("m"), family: null, parameters: 1e9, trainingTokens: null, trainingFlops: null, source: "test" }, { token })],
  ["PATCH /api/models/:id", correctModel, jsonRequest("PATCH", `/api/models/${modelId}`, { parameters: 7e7, reason: "test" }, { token }), ctx({ id: String(modelId) })],
  ["POST /api/models/:id/aliases", addAlias, jsonRequest("POST", `/api/models/${modelId}/aliases`, { alias: uniqueName("a") }, { token }), ctx({ id: String(modelId) })],
];

describe("the database unreachable", () => {
  it("health answers 503 with the reason", async () => {
    await useEnv({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/atlas_test` });
    const res = await health(at("/api/health"));
    expect(res.status).toBe(503);
    expect(healthResponseSchema.parse(await res.json())).toEqual({
      ok: false, database: inject("databaseKind"), reason: "could not connect to the database (ECONNREFUSED)",
    });
  });

  it("every other route answers 503 naming the reason, reads and writes alike", async () => {
    const cases = routes();
    await useEnv({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/atlas_test` });
    for (const [name, handler, request, context] of cases) {
      const res = await handler(request, context);
      expect(res.status, name).toBe(503);
      expect(res.headers.get("retry-after"), name).toBe("5");
      const { error } = apiErrorSchema.parse(await res.json());
      expect([name, error.code, error.message]).toEqual([
        name, "database_unavailable", "could not connect to the database (ECONNREFUSED); the request was rolled back, try again",
      ]);
    }
    await useEnv({ DATABASE_URL: TEST_URL });
    expect((await upload(at(`/api/uploads/${uploadId}`), ctx({ id: String(uploadId) }))).status).toBe(200);
  });

  it("a server that accepts but never answers: 503 after the connect timeout, for health and routes", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      await useEnv({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/atlas_test`, ATLAS_DB_CONNECT_TIMEOUT_MS: "300" });
      const res = await health(at("/api/health"));
      expect(res.status).toBe(503);
      expect(healthResponseSchema.parse(await res.json()).reason).toMatch(/within 300 ms/);
      const tasksRes = await tasks(at("/api/tasks"));
      expect(tasksRes.status).toBe(503);
      expect(apiErrorSchema.parse(await tasksRes.json()).error.message).toMatch(
        /^could not connect to the database \(no answer within 300 ms \(ATLAS_DB_CONNECT_TIMEOUT_MS\)\)/,
      );
    } finally {
      await closeDb();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

// Separate sessions are needed to hold a lock against the app; the embedded PGlite has one (and no timers).
describe.runIf(inject("databaseKind") === "postgres")("database timeouts", () => {
  /** Holds upload `id`'s row locked from another session until the returned release is called. */
  async function lockUpload(id: number): Promise<() => Promise<void>> {
    const other = new pg.Client({ connectionString: TEST_URL });
    await other.connect();
    await other.query("BEGIN");
    await other.query("SELECT id FROM upload WHERE id = $1 FOR UPDATE", [id]);
    return async () => {
      await other.query("ROLLBACK");
      await other.end();
    };
  }

  async function ownUpload(): Promise<{ id: number; task: string }> {
    const task = uniqueName("timeout_task");
    const res = await postUpload(uploadRequest(longCsv([{ model: "pythia-70m", task, metric: "acc", value: 0.5 }]), { token }));
    return { id: (createUploadResponseSchema.parse(await res.json()) as { uploadId: number }).uploadId, task };
  }

  const del = (id: number) =>
    deleteUpload(at(`/api/uploads/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }), ctx({ id: String(id) }));

  it.each([
    ["lock", { ATLAS_DB_LOCK_TIMEOUT_MS: "200" }, /lock timeout \(ATLAS_DB_LOCK_TIMEOUT_MS\)/],
    ["statement", { ATLAS_DB_LOCK_TIMEOUT_MS: "0", ATLAS_DB_STATEMENT_TIMEOUT_MS: "300" }, /statement timeout \(ATLAS_DB_STATEMENT_TIMEOUT_MS\)/],
  ])("a %s timeout answers 503 and deletes nothing; the same request succeeds once the lock is gone", async (_, vars, reason) => {
    const { id, task } = await ownUpload();
    const release = await lockUpload(id);
    try {
      await useEnv(vars);
      const res = await del(id);
      expect(res.status).toBe(503);
      const { error } = apiErrorSchema.parse(await res.json());
      expect(error.code).toBe("database_timeout");
      expect(error.message).toMatch(reason);
    } finally {
      await release();
    }
    expect(await countStored({ task })).toMatchObject({ results: 1 });
    expect((await del(id)).status).toBe(200);
  });

  it("an idle transaction past the idle-in-transaction timeout is ended, rolled back and reported as a timeout", async () => {
    await useEnv({ ATLAS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: "200" });
    const task = uniqueName("idle_task");
    const failed = await withTransaction(async (client) => {
      await client.query("INSERT INTO task (name) VALUES ($1)", [task]);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await client.query("SELECT 1");
    }).catch((err: unknown) => err);
    expect(toDatabaseFailure(failed)).toEqual({
      kind: "timeout", reason: expect.stringMatching(/idle-in-transaction timeout/),
    });
    const { rows } = await getPool().query("SELECT 1 FROM task WHERE name = $1", [task]);
    expect(rows).toHaveLength(0);
  });

  it("the refresh lock is waited for past the lock and statement timeouts, which still apply after it", async () => {
    await useEnv({ ATLAS_DB_LOCK_TIMEOUT_MS: "100", ATLAS_DB_STATEMENT_TIMEOUT_MS: "150" });
    const key = 990_001;
    const other = new pg.Client({ connectionString: TEST_URL });
    await other.connect();
    await other.query("SELECT pg_advisory_lock($1)", [key]);
    const waiting = withTransaction((client) => client.query<{ s: string }>("SELECT current_setting('statement_timeout') AS s"), { advisoryLock: key });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await other.query("SELECT pg_advisory_unlock($1)", [key]);
    await other.end();
    expect((await waiting).rows[0].s).toBe("150ms");
  });
});
