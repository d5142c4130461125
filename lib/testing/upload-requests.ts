import { createApiToken } from "@/lib/db/api-tokens";
import { getPool } from "@/lib/db/client";
import { uniqueName } from "./factories";

export const BASE = "http://atlas.test";

/** A fresh token per test, so rate limits and revocations never leak between tests. */
export async function newToken(): Promise<string> {
  return (await createApiToken(uniqueName("tok"))).token;
}

type PostOptions = {
  token?: string | null;
  contentType?: string | null;
  query?: string;
  headers?: Record<string, string>;
};

/** A POST /api/uploads request as a script would send it. */
export function uploadRequest(body: BodyInit | Uint8Array, opts: PostOptions = {}): Request {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.contentType !== null) headers["content-type"] = opts.contentType ?? "text/csv";
  const init: RequestInit & { duplex?: "half" } = { method: "POST", body: body as BodyInit, headers };
  if (body instanceof ReadableStream) init.duplex = "half";
  return new Request(`${BASE}/api/uploads${opts.query ?? ""}`, init);
}

/** A minimal lm-evaluation-harness v0.4 results file. */
export function lmEvalJson(model: string, results: Record<string, Record<string, unknown>>, shots = 0): string {
  return JSON.stringify({
    results,
    "n-shot": Object.fromEntries(Object.keys(results).map((t) => [t, shots])),
    config: { model_args: `pretrained=${model}` },
    lm_eval_version: "0.4.3",
  });
}

/** How many rows the database holds for what a test made, to prove nothing was stored. */
export async function countStored(what: { task?: string; sha256?: string }): Promise<{ results: number; uploads: number }> {
  const pool = getPool();
  const results = what.task
    ? (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1", [what.task])).rows[0].n
    : 0;
  const uploads = what.sha256
    ? (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM upload WHERE sha256 = $1", [what.sha256])).rows[0].n
    : 0;
  return { results, uploads };
}
