// Every case of issue 4, section 3, against real Postgres: a clear JSON error, nothing stored.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, inject, it } from "vitest";
import { POST } from "./route";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { createApiToken, revokeApiToken } from "@/lib/db/api-tokens";
import { getPool } from "@/lib/db/client";
import { longCsv, uniqueName, type LongRow } from "@/lib/testing/factories";
import { countStored, lmEvalJson, newToken, uploadRequest } from "@/lib/testing/upload-requests";
import { createUploadResponseSchema } from "@/lib/schemas/uploads";

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");
const enc = (s: string) => new TextEncoder().encode(s);

async function expectError(res: Response, status: number, message?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  const body = apiErrorSchema.parse(await res.json());
  if (message) expect(body.error.message).toMatch(message);
  return body.error;
}

afterEach(() => {
  delete process.env.ATLAS_PUBLIC_ORIGIN;
  delete process.env.ATLAS_UPLOAD_LIMIT_BYTES;
  delete process.env.ATLAS_UPLOAD_RATE_PER_MINUTE;
});

describe("body size", () => {
  it("413 for an honest Content-Length over the limit, before reading the body", async () => {
    process.env.ATLAS_UPLOAD_LIMIT_BYTES = "1000";
    const token = await newToken();
    const task = uniqueName("big_task");
    const bytes = longCsv(Array.from({ length: 100 }, (_, i) => ({ model: `m${i}`, task, metric: "acc", value: 0.5 })));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      { pull: (c) => { pulled += bytes.byteLength; c.enqueue(bytes); c.close(); } },
      { highWaterMark: 0 },
    );
    const res = await POST(uploadRequest(body, { token, headers: { "content-length": String(bytes.byteLength) } }));
    await expectError(res, 413, /limit is 1000 bytes/);
    expect(pulled).toBe(0);
    expect(await countStored({ task, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
  });

  it("413 when Content-Length understates the body, cut off at the declared length", async () => {
    process.env.ATLAS_UPLOAD_LIMIT_BYTES = "1000";
    const token = await newToken();
    const task = uniqueName("big_task");
    const bytes = longCsv(Array.from({ length: 100 }, (_, i) => ({ model: `m${i}`, task, metric: "acc", value: 0.5 })));
    const res = await POST(uploadRequest(bytes, { token, headers: { "content-length": "100" } }));
    await expectError(res, 413, /longer than its Content-Length of 100 bytes/);
    expect(await countStored({ task, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
  });

  it("413 for an endless chunked body, cancelling the stream soon after the limit", async () => {
    process.env.ATLAS_UPLOAD_LIMIT_BYTES = String(256 * 1024);
    const token = await newToken();
    const chunk = enc("model,task,metric,value\n".padEnd(64 * 1024, "x"));
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (c) => { pulled += chunk.byteLength; c.enqueue(chunk); },
      cancel: () => { cancelled = true; },
    });
    const res = await POST(uploadRequest(endless, { token }));
    await expectError(res, 413, /larger than the limit of 262144 bytes/);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(256 * 1024 + 3 * chunk.byteLength);
  });
});

describe("content", () => {
  const task = () => uniqueName("c_task");

  it("415 for an unsupported Content-Type", async () => {
    const t = task();
    const bytes = longCsv([{ model: "pythia-70m", task: t, metric: "acc", value: 0.5 }]);
    await expectError(await POST(uploadRequest(bytes, { token: await newToken(), contentType: "application/xml" })), 415, /application\/xml/);
    await expectError(await POST(uploadRequest(bytes, { token: await newToken(), contentType: null })), 415);
    expect(await countStored({ task: t, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
  });

  it("400 for CSV sent as JSON and JSON sent as CSV", async () => {
    const t = task();
    const csv = longCsv([{ model: "pythia-70m", task: t, metric: "acc", value: 0.5 }]);
    await expectError(await POST(uploadRequest(csv, { token: await newToken(), contentType: "application/json" })), 400, /sent as JSON but is not/);
    const json = lmEvalJson("EleutherAI/pythia-70m", { [t]: { "acc,none": 0.5 } });
    await expectError(await POST(uploadRequest(json, { token: await newToken(), contentType: "text/csv" })), 400, /sent as CSV but holds JSON/);
    expect(await countStored({ task: t, sha256: sha(csv) })).toEqual({ results: 0, uploads: 0 });
  });

  it("400 for bytes that are not UTF-8", async () => {
    const t = task();
    const bytes = new Uint8Array([...enc(`model,task,metric,value\npythia-70m,${t},acc,0.5\n`), 0xff, 0xfe, 0x0a]);
    await expectError(await POST(uploadRequest(bytes, { token: await newToken(), query: "?name=x.csv" })), 400, /x\.csv: is not valid UTF-8/);
    expect(await countStored({ task: t, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
  });

  it("400 for malformed JSON, with its line and column", async () => {
    const t = task();
    const text = `{"results": {"${t}": {"acc,none": 0.5,}}}`;
    await expectError(
      await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json", query: "?name=r.json" })),
      400,
      /r\.json:1: malformed JSON: .* at line 1 column \d+/,
    );
    expect(await countStored({ task: t, sha256: sha(text) })).toEqual({ results: 0, uploads: 0 });
  });

  it.each(["__proto__", "constructor", "prototype"])("400 for a %s key, and no prototype is polluted", async (key) => {
    const t = task();
    const text = `{"results": {"${t}": {"acc,none": 0.5, "${key}": {"polluted": true, "toString": 1}}}, "n-shot": {}, "lm_eval_version": "0.4.3", "config": {"model_args": "pretrained=x"}}`;
    await expectError(await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json" })), 400, new RegExp(`the key "${key}" is not allowed`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe("function");
    expect(await countStored({ task: t, sha256: sha(text) })).toEqual({ results: 0, uploads: 0 });
  });

  it("400 for an escaped __proto__ key too", async () => {
    const text = `{"results": {"\\u005f_proto__": {"polluted": true}}}`;
    await expectError(await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json" })), 400, /__proto__/);
  });

  it("400 for absurd nesting depth", async () => {
    const text = `{"results": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    await expectError(await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json" })), 400, /nested deeper than 64 levels/);
  });

  it("400 for an object with an absurd number of keys", async () => {
    const keys = Array.from({ length: 100_001 }, (_, i) => `"k${i}":0`).join(",");
    const text = `{"results": {}, "configs": {${keys}}}`;
    await expectError(await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json" })), 400, /more than 100000 keys/);
  });
});

describe("values", () => {
  async function refused(rows: LongRow[] | string, message: RegExp) {
    const t = uniqueName("v_task");
    const bytes = typeof rows === "string" ? enc(rows.replaceAll("TASK", t)) : longCsv(rows.map((r) => ({ ...r, task: t })));
    const res = await POST(uploadRequest(bytes, { token: await newToken(), query: "?name=vals.csv" }));
    await expectError(res, 422, message);
    expect(await countStored({ task: t, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
  }

  it("422 for a value outside its metric's bounds, naming file, row and field", async () => {
    await refused(
      [{ model: "pythia-70m", task: "", metric: "acc", value: 0.5 }, { model: "pythia-160m", task: "", metric: "acc", value: 1.5 }],
      /vals\.csv:3: value 1\.5 of metric "acc" is outside its bounds \[0, 1\]/,
    );
  });

  it("422 for Infinity where a finite number is required", async () => {
    await refused("model,task,metric,value\npythia-70m,TASK,acc,0.5\npythia-160m,TASK,acc,1e999\n", /vals\.csv:3: column "value": value is not a finite number/);
  });

  it("422 for a value of the wrong type", async () => {
    await refused("model,task,metric,value,n\npythia-70m,TASK,acc,0.5,ten\n", /vals\.csv:2: column "n": expected a number/);
  });

  it("422 for the same result twice with different values", async () => {
    await refused(
      [{ model: "pythia-70m", task: "", metric: "acc", value: 0.5 }, { model: "pythia-70m", task: "", metric: "acc", value: 0.6 }],
      /vals\.csv:3: duplicate result for pythia-70m .* acc with a different value \(0\.6 here, 0\.5 at 2\)/,
    );
  });

  it("422 for a wrong type in lm-eval JSON, naming the key", async () => {
    const t = uniqueName("v_task");
    const text = lmEvalJson("EleutherAI/pythia-70m", { [t]: { "acc,none": "high" } });
    const res = await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json", query: "?name=r.json" }));
    await expectError(res, 422, /r\.json: .*acc,none/);
    expect(await countStored({ task: t, sha256: sha(text) })).toEqual({ results: 0, uploads: 0 });
  });

  it('stores an "N/A" stderr as null', async () => {
    const t = uniqueName("v_task");
    const text = lmEvalJson("EleutherAI/pythia-70m", { [t]: { "acc,none": 0.5, "acc_stderr,none": "N/A" } });
    const res = await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json" }));
    expect(res.status).toBe(201);
    const { rows } = await getPool().query("SELECT r.value, r.stderr FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1", [t]);
    expect(rows).toEqual([{ value: 0.5, stderr: null }]);
  });
});

describe("names", () => {
  it.each([
    ["a NUL byte", "model,task,metric,value\npythia\u000070m,TASK,acc,0.5\n", /model "pythia\\u000070m" contains a control character \(U\+0000\)/],
    ["a control character", "model,task,metric,value\npythia-70m,TA\u0007SK,acc,0.5\n", /task .* contains a control character \(U\+0007\)/],
    ["a newline in a quoted cell", 'model,task,metric,value\npythia-70m,"TASK\nx",acc,0.5\n', /task .* contains a control character \(U\+000A\)/],
    ["over 200 characters", `model,task,metric,value\n${"m".repeat(201)},TASK,acc,0.5\n`, /vals\.csv:2: invalid results\.0\.model: .*200/],
  ])("422 for a name with %s", async (_, csv, message) => {
    const t = uniqueName("n_task");
    const bytes = enc(csv.replace("TASK", t).replace("TA\u0007SK", `${t}\u0007`));
    const res = await POST(uploadRequest(bytes, { token: await newToken(), query: "?name=vals.csv" }));
    await expectError(res, 422, message);
    expect(await countStored({ task: t, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
  });

  it("422 for a lone surrogate (JSON escape)", async () => {
    const t = uniqueName("n_task");
    const text = `{"results": {"${t}\\ud800": {"acc,none": 0.5}}, "n-shot": {}, "lm_eval_version": "0.4.3", "config": {"model_args": "pretrained=EleutherAI/pythia-70m"}}`;
    const res = await POST(uploadRequest(text, { token: await newToken(), contentType: "application/json" }));
    await expectError(res, 422, /contains a lone surrogate \(U\+D800\)/);
    const { rows } = await getPool().query("SELECT 1 FROM task WHERE name LIKE $1", [`${t}%`]);
    expect(rows).toHaveLength(0);
  });

  it("stores names beginning with = + - @ as plain text", async () => {
    const names = ["=HYPERLINK(A1)", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)"].map((n) => `${n}${uniqueName("")}`);
    const bytes = longCsv(names.map((n) => ({ model: `${n}-model`, task: n, metric: "acc", value: 0.5 })));
    const res = await POST(uploadRequest(bytes, { token: await newToken() }));
    expect(res.status).toBe(201);
    const { rows } = await getPool().query<{ name: string }>("SELECT name FROM task WHERE name = ANY($1::text[]) ORDER BY name", [names]);
    expect(rows.map((r) => r.name)).toEqual([...names].sort());
    const models = await getPool().query("SELECT name FROM model WHERE name = ANY($1::text[])", [names.map((n) => `${n}-model`)]);
    expect(models.rows).toHaveLength(4);
  });
});

describe("tokens and origin", () => {
  const csv = () => longCsv([{ model: "pythia-70m", task: uniqueName("a_task"), metric: "acc", value: 0.5 }]);

  it("401 for a missing, malformed, wrong or revoked token, storing nothing", async () => {
    const revoked = await createApiToken(uniqueName("tok"));
    await revokeApiToken(revoked.name);
    const cases: [string | null, Record<string, string>, RegExp][] = [
      [null, {}, /needs an API token/],
      [null, { authorization: "Basic dXNlcjpwYXNz" }, /Bearer <token>/],
      ["atl_" + "A".repeat(43), {}, /unknown API token/],
      [revoked.token, {}, /revoked/],
    ];
    for (const [token, headers, message] of cases) {
      const bytes = csv();
      const res = await POST(uploadRequest(bytes, { token, headers }));
      const error = await expectError(res, 401, message);
      expect(error.code).toMatch(/token/);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await countStored({ sha256: sha(bytes) })).toMatchObject({ uploads: 0 });
    }
  });

  it.each(["https://evil.example", "null"])("403 for a cross-site POST from Origin %s, even with a valid token", async (origin) => {
    const bytes = csv();
    const res = await POST(uploadRequest(bytes, { token: await newToken(), headers: { origin } }));
    await expectError(res, 403, /may not write/);
    expect(await countStored({ sha256: sha(bytes) })).toMatchObject({ uploads: 0 });
  });

  it("accepts a POST from the app's own origin (by default its listen address)", async () => {
    const res = await POST(uploadRequest(csv(), { token: await newToken(), headers: { origin: "http://127.0.0.1:3000" } }));
    expect(res.status).toBe(201);
  });

  it("403 when Origin, Host and URL all name the same foreign site: the Host header proves nothing (issue 10, row 13)", async () => {
    const bytes = csv();
    const request = uploadRequest(bytes, { token: await newToken(), headers: { origin: "http://evil.example", host: "evil.example" } });
    const res = await POST(new Request(request.url.replace("http://atlas.test", "http://evil.example"), request));
    await expectError(res, 403, /origin "http:\/\/evil\.example" may not write: this app is served at http:\/\/127\.0\.0\.1:3000/);
    expect(await countStored({ sha256: sha(bytes) })).toMatchObject({ uploads: 0 });
  });

  it("follows ATLAS_PUBLIC_ORIGIN when the app is served elsewhere (behind a proxy)", async () => {
    process.env.ATLAS_PUBLIC_ORIGIN = "https://atlas.example.org";
    const token = await newToken();
    expect((await POST(uploadRequest(csv(), { token, headers: { origin: "https://atlas.example.org" } }))).status).toBe(201);
    await expectError(await POST(uploadRequest(csv(), { token, headers: { origin: "http://127.0.0.1:3000" } })), 403, /served at https:\/\/atlas\.example\.org \(/);
  });

  it("429 with Retry-After past the per-token rate, other tokens unaffected", async () => {
    process.env.ATLAS_UPLOAD_RATE_PER_MINUTE = "3";
    const token = await newToken();
    for (let i = 0; i < 3; i++) expect((await POST(uploadRequest(csv(), { token }))).status).toBe(201);
    const bytes = csv();
    const res = await POST(uploadRequest(bytes, { token }));
    await expectError(res, 429, /3 uploads a minute/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await countStored({ sha256: sha(bytes) })).toMatchObject({ uploads: 0 });
    expect((await POST(uploadRequest(csv(), { token: await newToken() }))).status).toBe(201);
  });
});

describe("concurrency and failures", () => {
  const MODELS = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b"];

  it("two concurrent uploads of the same model and task both succeed and leave one file's values per row", async () => {
    const token = await newToken();
    const task = uniqueName("race_task");
    const a = longCsv(MODELS.map((model) => ({ model, task, metric: "acc", value: 0.3, stderr: 0.01 })));
    const b = longCsv([...MODELS].reverse().map((model) => ({ model, task, metric: "acc", value: 0.4, stderr: 0.02 })));
    const [ra, rb] = await Promise.all([POST(uploadRequest(a, { token })), POST(uploadRequest(b, { token }))]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    const { rows } = await getPool().query<{ value: number; stderr: number; upload_id: number }>(
      "SELECT r.value, r.stderr, r.upload_id FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1",
      [task],
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) expect([[0.3, 0.01], [0.4, 0.02]]).toContainEqual([r.value, r.stderr]);
  });

  it("the same file twice at once: one 201, one 200 with the same id, nothing duplicated", async () => {
    const token = await newToken();
    const task = uniqueName("race_task");
    const bytes = longCsv(MODELS.map((model) => ({ model, task, metric: "acc", value: 0.3 })));
    const responses = await Promise.all([POST(uploadRequest(bytes, { token })), POST(uploadRequest(bytes, { token })), POST(uploadRequest(bytes, { token }))]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = await Promise.all(responses.map(async (r) => (createUploadResponseSchema.parse(await r.json()) as { uploadId: number }).uploadId));
    expect(new Set(ids).size).toBe(1);
    expect(await countStored({ task, sha256: sha(bytes) })).toEqual({ results: 4, uploads: 1 });
  });

  // Needs a server with separate backends to terminate (pg_terminate_backend); the embedded
  // PGlite has one session. CI runs this file on Postgres.
  it.runIf(inject("databaseKind") === "postgres")("503 and zero rows when the database connection drops mid-upload", async () => {
    const token = await newToken();
    const task = uniqueName("drop_task");
    const rows: LongRow[] = [];
    for (let i = 0; i < 60_000; i++) rows.push({ model: `drop-model-${i % 600}`, task: `${task}_${Math.floor(i / 600)}`, metric: "acc", value: 0.5 });
    rows.push({ model: "pythia-70m", task, metric: "acc", value: 0.5 });
    const bytes = longCsv(rows);
    const killer = (async () => {
      // the upload's backend: in a write transaction in this database, writing results (COPY on Postgres)
      for (let i = 0; i < 4000; i++) {
        const { rows: found } = await getPool().query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
             AND (query ILIKE '%INSERT INTO result%' OR query ILIKE 'COPY result%')`,
        );
        if (found.length > 0) {
          await getPool().query("SELECT pg_terminate_backend($1)", [found[0].pid]);
          return true;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      return false;
    })();
    const res = await POST(uploadRequest(bytes, { token }));
    expect(await killer).toBe(true);
    // the pg driver says "lost"; Prisma, when the kill lands in one of its queries, may say "cannot be reached"
    await expectError(res, 503, /connection was lost|cannot be reached/);
    expect(res.headers.get("retry-after")).toBeTruthy();
    expect(await countStored({ task, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
    const { rows: partial } = await getPool().query("SELECT 1 FROM task WHERE name LIKE $1 LIMIT 1", [`${task}%`]);
    expect(partial).toHaveLength(0);
    // and the next upload goes through on a fresh connection
    expect((await POST(uploadRequest(longCsv([{ model: "pythia-70m", task: uniqueName("after"), metric: "acc", value: 0.5 }]), { token }))).status).toBe(201);
  });

  it("422 and a full rollback when a constraint fails on the last row of a large file", async () => {
    const token = await newToken();
    const task = uniqueName("last_task");
    const poison = 0.123456789;
    const rows: LongRow[] = Array.from({ length: 30_000 }, (_, i) => ({ model: `last-model-${i % 300}`, task: `${task}_${Math.floor(i / 300)}`, metric: "acc", value: 0.5 }));
    rows.push({ model: "pythia-70m", task, metric: "acc", value: poison });
    const bytes = longCsv(rows);
    const constraint = uniqueName("test_reject_last_row");
    // a rule only the database knows, so the file passes every check before the write
    await getPool().query(`ALTER TABLE result ADD CONSTRAINT ${constraint} CHECK (value <> ${poison}) NOT VALID`);
    try {
      const res = await POST(uploadRequest(bytes, { token, query: "?name=large.csv" }));
      await expectError(res, 422, new RegExp(`large\\.csv: rejected by the database: .*${constraint}`));
    } finally {
      await getPool().query(`ALTER TABLE result DROP CONSTRAINT ${constraint}`);
    }
    expect(await countStored({ task, sha256: sha(bytes) })).toEqual({ results: 0, uploads: 0 });
    const { rows: partial } = await getPool().query("SELECT 1 FROM task WHERE name LIKE $1 LIMIT 1", [`${task}%`]);
    expect(partial).toHaveLength(0);
  });

  it("several files are one transaction: the second failing in the database leaves nothing of the first", async () => {
    const token = await newToken();
    const [first, second] = [uniqueName("pair_task"), uniqueName("pair_task")];
    const poison = 0.987654321;
    const constraint = uniqueName("test_reject_second_file");
    const form = new FormData();
    form.append("files", new File([longCsv([{ model: "pythia-70m", task: first, metric: "acc", value: 0.5 }]) as Uint8Array<ArrayBuffer>], "first.csv", { type: "text/csv" }));
    form.append("files", new File([longCsv([{ model: "pythia-70m", task: second, metric: "acc", value: poison }]) as Uint8Array<ArrayBuffer>], "second.csv", { type: "text/csv" }));
    // a rule only the database knows: the first file is written before the second fails
    await getPool().query(`ALTER TABLE result ADD CONSTRAINT ${constraint} CHECK (value <> ${poison}) NOT VALID`);
    try {
      const res = await POST(uploadRequest(form, { token, contentType: null }));
      await expectError(res, 422, new RegExp(`second\\.csv: rejected by the database: .*${constraint}`));
    } finally {
      await getPool().query(`ALTER TABLE result DROP CONSTRAINT ${constraint}`);
    }
    expect(await countStored({ task: first })).toMatchObject({ results: 0 });
    expect(await countStored({ task: second })).toMatchObject({ results: 0 });
  });
});
