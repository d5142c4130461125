// Issue 12, items 4 and 6: the app as several machines would run it, on one Postgres database of its
// own: two web processes (`next start`, no in-process worker) and two analysis workers (`npm run
// worker`). Every view is analysed exactly once and both web processes answer alike; a worker killed
// with SIGKILL mid-job has its job retried by the other; connections killed (pg_terminate_backend of
// every backend of the database, which is what a Postgres restart does to the app) during an upload and
// during a job give a 503 or a retry, never partial rows, and the work is done once; a database
// unreachable at start gives health 503 with the reason, and the same process recovers; 50 readers at
// once get no error; a web process restarted under load loses no request but those in flight at the stop
// (connections in its accept queue when it closes its listener; the other process answers the rest). Runs on Postgres (the embedded database is one process's, not a server's).
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { quantile } from "@/lib/emergence/quantile";
import { createAdminToken, postgresProxy, printed, startWeb, startWorker, type Proc } from "./cluster";
import { freshSiblingDatabase } from "./fresh-database";

const server = JSON.parse(readFileSync(path.join("test-results", "e2e-server.json"), "utf8")) as { DATABASE_URL?: string };
const basePort = Number(process.env.E2E_PORT ?? 3100);
const [portA, portB, proxyPort, portC] = [basePort + 4, basePort + 5, basePort + 6, basePort + 7];
/** How long the 50 readers read (s): the full minute; ATLAS_E2E_READERS_SECONDS=10 for a quicker local run. */
const READ_SECONDS = Number(process.env.ATLAS_E2E_READERS_SECONDS ?? 60);
const SIZES = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b", "pythia-6.9b", "pythia-12b"];
// short expiry and maintenance, so a dead worker's job comes back within the test; the same everywhere (the queue keeps the last installed)
const JOBS = { ATLAS_JOB_EXPIRE_SECONDS: "40", ATLAS_JOB_MAINTENANCE_SECONDS: "1", ATLAS_JOB_POLL_SECONDS: "0.5", ATLAS_WORKER_CONCURRENCY: "1" };

let url = "";
let token = "";
let db: pg.Client;
const procs: Proc[] = [];
let workers: Proc[] = [];
let webA: Proc;

const base = (port: number) => `http://127.0.0.1:${port}`;

async function status(port: number, route = "/api/health"): Promise<number> {
  try {
    return (await fetch(base(port) + route)).status;
  } catch {
    return 0;
  }
}

function lineCsv(task: string, shift: number): string {
  const lines = ["model,task,metric,value,stderr,shots", ...SIZES.map((m, i) => `${m},${task},acc,${(0.25 + 0.05 * i + shift).toFixed(4)},0.01,0`)];
  return lines.join("\n") + "\n";
}

/** Families × sizes on one task view (`task`, metric acc, in a wide CSV): a job that takes seconds. */
function heavyCsv(task: string, prefix: string, families: number, sizes: number): string {
  const lines = [`Model,Model Family,Model Size (B),${task}/acc`];
  for (let f = 0; f < families; f++) {
    for (let i = 0; i < sizes; i++) lines.push(`${prefix}-${f}-${i},${prefix} ${f},${(0.01 * 1.08 ** i).toFixed(6)},${(0.25 + 0.004 * i + 0.001 * f).toFixed(4)}`);
  }
  return lines.join("\n") + "\n";
}

async function upload(port: number, name: string, csv: string): Promise<Response> {
  return fetch(`${base(port)}/api/uploads?name=${name}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: csv,
  });
}

type Answer = { status: number } | { error: string };

/** One GET on a connection of its own (no keep-alive), as a load balancer's health-checked backend sees it. */
function getOnce(port: number, route: string): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: route, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.on("error", (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    });
    req.on("error", (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
  });
}

const ledger = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM analysis_queue WHERE failed_at IS NULL")).rows[0].n;

/** Completed, failed and unfinished analysis jobs per view key (pg-boss keeps finished jobs in its archive). */
async function jobsByKey(): Promise<Map<string, { completed: number; failed: number; open: number; retries: number }>> {
  const { rows } = await db.query<{ key: string; completed: number; failed: number; open: number; retries: number }>(
    `SELECT singleton_key AS key, count(*) FILTER (WHERE state = 'completed')::int AS completed, count(*) FILTER (WHERE state = 'failed')::int AS failed,
            count(*) FILTER (WHERE state < 'completed')::int AS open, max(retry_count)::int AS retries
     FROM (SELECT singleton_key, state, retry_count FROM pgboss.job WHERE name = 'analysis'
           UNION ALL SELECT singleton_key, state, retry_count FROM pgboss.archive WHERE name = 'analysis') j
     GROUP BY singleton_key`,
  );
  return new Map(rows.map((r) => [r.key, r]));
}

/** What the ledger and pg-boss hold (every job not completed), for a failing test's report. */
async function queueState(): Promise<string> {
  const ledgerRows = (await db.query("SELECT * FROM analysis_queue ORDER BY ticket")).rows;
  const jobs = (
    await db.query(
      `SELECT id, singleton_key, state, retry_count, retry_limit, start_after, started_on, completed_on, output FROM pgboss.job
       WHERE name = 'analysis' AND state <> 'completed' ORDER BY created_on`,
    )
  ).rows;
  return JSON.stringify({ ledger: ledgerRows, jobs }, null, 1);
}

async function viewKey(task: string): Promise<string> {
  const { rows } = await db.query<{ key: string }>(
    `SELECT DISTINCT r.task_id || '|' || r.metric_id || '|' || COALESCE(r.shots::text, '') || '|' || r.filter AS key
     FROM result r JOIN task t ON t.id = r.task_id WHERE t.name = $1`,
    [task],
  );
  expect(rows).toHaveLength(1);
  return rows[0].key;
}

async function activeJob(key: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM pgboss.job WHERE name = 'analysis' AND singleton_key = $1 AND state = 'active'", [key]);
  return rows.length > 0;
}

/** What a Postgres restart does to the app's sessions: every backend of the database but this test's is ended. */
async function terminateBackends(): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  return rows[0].n;
}

test.describe("two web processes and two workers on one Postgres", () => {
  test.skip(!server.DATABASE_URL, "needs a Postgres server: the embedded database belongs to one process");
  test.describe.configure({ mode: "serial" });
  test.slow();

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    url = await freshSiblingDatabase(server.DATABASE_URL!, "scale");
    token = createAdminToken(url, "scale-out"); // also applies the migrations and installs the job engine
    workers = [startWorker(url, JOBS), startWorker(url, JOBS)];
    webA = startWeb(portA, url);
    procs.push(...workers, webA, startWeb(portB, url));
    for (const w of workers) await printed(w, "analysis worker");
    await expect.poll(() => status(portA), { timeout: 120_000 }).toBe(200);
    await expect.poll(() => status(portB), { timeout: 120_000 }).toBe(200);
    db = new pg.Client({ connectionString: url });
    await db.connect();
  });

  test.afterAll(async () => {
    await db?.end().catch(() => undefined);
    for (const p of procs) await p.stop();
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, p] of procs.entries()) await testInfo.attach(`process ${i} output`, { body: p.output() });
      await testInfo.attach("the ledger and the jobs", { body: await queueState().catch((err: Error) => err.message), contentType: "application/json" });
    }
  });

  test("every view is analysed exactly once, and both web processes serve the same answers", async () => {
    const tasks = Array.from({ length: 6 }, (_, i) => `scale_task_${i}`);
    for (const [i, task] of tasks.entries()) expect((await upload(i % 2 ? portB : portA, `${task}.csv`, lineCsv(task, 0.01 * i))).status).toBe(201);
    await expect.poll(ledger, { timeout: 120_000 }).toBe(0);
    const jobs = await jobsByKey();
    for (const task of tasks) expect(jobs.get(await viewKey(task))).toMatchObject({ completed: 1, failed: 0, open: 0 });
    for (const route of ["/api/tasks", "/api/overview", ...tasks.flatMap((t) => [`/api/curves?task=${t}`, `/api/analysis?task=${t}`])]) {
      const [a, b] = await Promise.all([portA, portB].map(async (p) => (await fetch(base(p) + route)).json()));
      expect(b, route).toEqual(a);
    }
    const analysis = (await (await fetch(`${base(portB)}/api/analysis?task=${tasks[0]}`)).json()) as { pending: boolean; analyses: unknown[] };
    expect(analysis.pending).toBe(false);
    expect(analysis.analyses.length).toBeGreaterThan(0);
  });

  test("a worker killed with SIGKILL mid-job: the other worker runs the job again, once", async () => {
    await workers[1].stop(); // the job goes to workers[0]
    expect((await upload(portA, "killed-worker.csv", heavyCsv("killed_worker", "kw", 16, 40))).status).toBe(201);
    const key = await viewKey("killed_worker");
    await expect.poll(() => activeJob(key), { timeout: 60_000, intervals: [50] }).toBe(true);
    await workers[0].stop("SIGKILL");
    const survivor = startWorker(url, JOBS);
    procs.push(survivor);
    workers = [survivor];
    await printed(survivor, "analysis worker");
    // the dead worker's job expires (ATLAS_JOB_EXPIRE_SECONDS), pg-boss's maintenance puts it back, the survivor runs it
    await expect.poll(ledger, { timeout: 150_000 }).toBe(0);
    expect((await jobsByKey()).get(key)).toMatchObject({ completed: 1, failed: 0, open: 0, retries: 1 });
    const analysis = (await (await fetch(`${base(portA)}/api/analysis?task=killed_worker`)).json()) as { pending: boolean; failed: string | null; analyses: unknown[] };
    expect(analysis).toMatchObject({ pending: false, failed: null });
    expect(analysis.analyses).toHaveLength(16);
  });

  test("connections killed during an upload: 503, zero rows; the retried upload stores every row once", async () => {
    // 1,500 models of unknown size × 30 tasks: 45,000 rows to write, and nothing for the workers to fit afterwards
    const csv = ["Model," + Array.from({ length: 30 }, (_, t) => `killed_task_${t}/acc`).join(",")];
    for (let m = 0; m < 1500; m++) csv.push(`km-${m},` + Array.from({ length: 30 }, (_, t) => (0.3 + 0.0001 * ((m + t) % 500)).toFixed(4)).join(","));
    const body = csv.join("\n") + "\n";
    const stored = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM result r JOIN task t ON t.id = r.task_id WHERE t.name LIKE 'killed_task_%'")).rows[0].n;
    let answered = false;
    const first = upload(portB, "killed-upload.csv", body).finally(() => (answered = true));
    let kills = 0;
    while (!answered) {
      kills += await terminateBackends();
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await first;
    expect(kills).toBeGreaterThan(0);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await stored()).toBe(0);
    const again = await upload(portB, "killed-upload.csv", body);
    expect(again.status).toBe(201);
    expect(await stored()).toBe(1500 * 30);
  });

  test("connections killed during a worker's job: the job is retried and stored once, complete", async () => {
    test.setTimeout(360_000); // the job's wait to start, the kills, and a lost completion's expiry
    await expect.poll(ledger, { timeout: 120_000 }).toBe(0); // the worker is idle, so it takes this job at once
    expect((await upload(portA, "killed-job.csv", heavyCsv("killed_job", "kj", 16, 40))).status).toBe(201);
    const key = await viewKey("killed_job");
    await expect.poll(() => activeJob(key), { timeout: 60_000, intervals: [50] }).toBe(true);
    for (let i = 0; i < 40 && (await activeJob(key)); i++) {
      await terminateBackends();
      await new Promise((r) => setTimeout(r, 100));
    }
    // a worker that died of a killed connection (say as it completed the job) fails here, with its output
    const ledgerWhileWorkersLive = async () => {
      for (const w of workers) if (w.child.exitCode !== null) throw new Error(`a worker exited (${w.child.exitCode}):\n${w.output()}`);
      return ledger();
    };
    await expect.poll(ledgerWhileWorkersLive, { timeout: 150_000 }).toBe(0);
    // the view is analysed; a job whose completion was lost to a kill stays active until it expires
    // (ATLAS_JOB_EXPIRE_SECONDS, 40 s here), is handed out again, finds its view done and completes
    await expect.poll(async () => (await jobsByKey()).get(key)?.open, { timeout: 120_000 }).toBe(0);
    expect((await jobsByKey()).get(key)).toMatchObject({ completed: 1, failed: 0, open: 0 });
    const { rows } = await db.query<{ axis: string; n: number; families: number }>(
      `SELECT a.axis, count(*)::int AS n, count(DISTINCT a.family)::int AS families FROM curve_analysis a JOIN task t ON t.id = a.task_id
       WHERE t.name = 'killed_job' GROUP BY a.axis ORDER BY a.axis`,
    );
    for (const r of rows) expect(r).toMatchObject({ n: 16, families: 16 });
    for (const w of workers) expect(w.child.exitCode).toBeNull();
    expect(await status(portA)).toBe(200);
  });

  test("database unreachable at start: health 503 with the reason within 5 s; the same process recovers when it is back", async () => {
    const proxy = postgresProxy(proxyPort);
    const proxied = new URL(url);
    proxied.port = String(proxyPort);
    const web = startWeb(portC, proxied.toString());
    procs.push(web);
    await expect.poll(() => status(portC), { timeout: 120_000 }).toBeGreaterThan(0);
    const down = await fetch(`${base(portC)}/api/health`, { signal: AbortSignal.timeout(5_000) });
    expect(down.status).toBe(503);
    expect(((await down.json()) as { reason: string }).reason).toMatch(/could not connect to the database \(ECONNREFUSED\)/);
    await proxy.restore();
    await expect.poll(() => status(portC), { timeout: 30_000 }).toBe(200);
    // the database "restarts": every connection through the proxy drops, then it listens again
    await proxy.cut();
    await expect.poll(() => status(portC), { timeout: 30_000 }).toBe(503);
    await proxy.restore();
    await expect.poll(() => status(portC, "/api/tasks"), { timeout: 30_000 }).toBe(200);
    expect(web.child.exitCode).toBeNull();
    await web.stop();
    await proxy.cut();
  });

  test(`50 concurrent readers for ${READ_SECONDS} s across both web processes: no errors (p50/p99 printed)`, async () => {
    test.setTimeout(READ_SECONDS * 1000 + 60_000); // the readers' time, and their last requests
    const routes = ["/api/curves?task=scale_task_0", "/api/analysis?task=scale_task_1", "/api/overview?limit=20", "/api/tasks", "/api/health"];
    const latencies: number[] = [];
    const errors: string[] = [];
    const until = Date.now() + READ_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 50 }, async (_, reader) => {
        for (let i = 0; Date.now() < until; i++) {
          const route = routes[(reader + i) % routes.length];
          const port = (reader + i) % 2 ? portB : portA;
          const started = performance.now();
          try {
            const res = await fetch(base(port) + route);
            await res.arrayBuffer();
            if (res.status !== 200) errors.push(`${route} on ${port}: ${res.status}`);
          } catch (err) {
            errors.push(`${route} on ${port}: ${(err as Error).message}`);
          }
          latencies.push(performance.now() - started);
        }
      }),
    );
    const sorted = Float64Array.from(latencies).sort();
    const line = `50 readers, ${READ_SECONDS} s: ${latencies.length} requests, p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms, ${errors.length} errors`;
    console.log(line);
    test.info().annotations.push({ type: "readers", description: line });
    expect(errors).toEqual([]);
    expect(latencies.length).toBeGreaterThan(50);
  });
  test("a web process restarted under load: no request lost but those in flight at the stop", async () => {
    const routes = ["/api/curves?task=scale_task_0", "/api/analysis?task=scale_task_1", "/api/overview?limit=20", "/api/tasks"];
    // the stop window: from SIGTERM sent until the process has exited (Next closes its listener and drains what it accepted)
    const window = { from: Infinity, to: Infinity };
    const lost: string[] = [];
    const inFlight: string[] = [];
    let redirected = 0;
    let answeredByRestarted = 0;
    let restarted = false;
    let running = true;
    const readers = Array.from({ length: 20 }, async (_, reader) => {
      for (let i = 0; running; i++) {
        const route = routes[(reader + i) % routes.length];
        const port = (reader + i) % 2 ? portB : portA;
        const started = performance.now();
        let answer = await getOnce(port, route);
        const ended = performance.now();
        // as a load balancer does: a connection nobody accepted goes to the other process
        const refused = "error" in answer && answer.error === "ECONNREFUSED";
        if (refused) {
          redirected++;
          answer = await getOnce(port === portA ? portB : portA, route);
        }
        if ("status" in answer && answer.status === 200) {
          if (port === portA && restarted && !refused) answeredByRestarted++;
          continue;
        }
        const what = `${route} on ${port}: ${"error" in answer ? answer.error : answer.status}`;
        (started <= window.to && ended >= window.from ? inFlight : lost).push(what);
      }
    });
    await new Promise((r) => setTimeout(r, 2_000));
    window.from = performance.now();
    await webA.stop("SIGTERM");
    window.to = performance.now();
    webA = startWeb(portA, url);
    procs.push(webA);
    await expect.poll(() => status(portA), { timeout: 120_000 }).toBe(200);
    restarted = true;
    await new Promise((r) => setTimeout(r, 3_000));
    running = false;
    await Promise.all(readers);
    const line = `restart under load: ${redirected} refused connections sent to the other process, ${inFlight.length} lost in flight at the stop (${[...new Set(inFlight)].join("; ")}), ${answeredByRestarted} answered by the restarted process`;
    console.log(line);
    test.info().annotations.push({ type: "restart", description: line });
    expect(lost).toEqual([]);
    expect(redirected).toBeGreaterThan(0);
    expect(answeredByRestarted).toBeGreaterThan(0);
  });
});
