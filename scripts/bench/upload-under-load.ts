// A 10 MB upload against a loaded store (issue 12, item 5): time to the 201, then time until every
// view it touched is analysed again by the server's own worker, and the read routes' latency at 5
// connections before the upload (quiet) and while the re-analysis runs, measured over HTTP.
import type pg from "pg";
import { summarizeLatencies } from "@/lib/bench/latency-summary";
import type { ReadLatency, UploadUnderLoad } from "@/lib/bench/system-sections";
import { httpRun } from "./http-run";

const CONNECTIONS = 5;

const openViews = async (pool: pg.Pool) =>
  (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM analysis_queue WHERE failed_at IS NULL")).rows[0].n;

/** Reads every route in turn, `seconds` each, until `stop()` says so (at least one pass); latencies pooled per route. */
async function readWhile(baseUrl: string, routes: string[], seconds: number, stop: () => boolean): Promise<Record<string, ReadLatency>> {
  const pooled = new Map(routes.map((r) => [r, { latencies: [] as number[], errors: 0 }]));
  do {
    for (const route of routes) {
      const run = await httpRun(baseUrl + route, CONNECTIONS, seconds);
      pooled.get(route)!.latencies.push(...run.latencies);
      pooled.get(route)!.errors += run.errors;
    }
  } while (!stop());
  return Object.fromEntries([...pooled].map(([route, p]) => [route, { ...summarizeLatencies(p.latencies), errors: p.errors }]));
}

export async function measureUploadUnderLoad(opts: {
  baseUrl: string; token: string; csv: string; rows: number; routes: string[]; seconds: number; pool: pg.Pool;
}): Promise<UploadUnderLoad> {
  const { baseUrl, token, csv, pool } = opts;
  const quiet = await readWhile(baseUrl, opts.routes, opts.seconds, () => true);
  const since = (await pool.query<{ now: Date }>("SELECT now()")).rows[0].now;
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/uploads?name=bench-10mb.csv`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, body: csv,
  });
  const createdMs = performance.now() - started;
  if (res.status !== 201) throw new Error(`the 10 MB upload answered ${res.status}: ${await res.text()}`);
  const { rows: touched } = await pool.query<{ n: number }>(
    "SELECT count(DISTINCT (task_id, metric_id, shots, filter))::int AS n FROM result WHERE upload_id = (SELECT max(id) FROM upload)",
  );
  let analysedMs = NaN;
  const watching = (async () => {
    while ((await openViews(pool)) > 0) await new Promise((r) => setTimeout(r, 200));
    analysedMs = performance.now() - started;
  })();
  const during = await readWhile(baseUrl, opts.routes, opts.seconds, () => !Number.isNaN(analysedMs));
  await watching;
  const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM curve_analysis WHERE computed_at >= $1", [since]);
  return { bytes: Buffer.byteLength(csv), rows: opts.rows, createdMs, analysedMs, views: touched[0].n, curves: rows[0].n, quiet, during };
}
