// Issue 10, rows 4, 10 and 11, through the real `npm start` (its own database and port, beside the app under
// test): the fits run off the request loop and a view over its budget is retried by the job engine, then
// parked with its error; the port opens before the analysis a stopped server left queued is run; and SIGTERM
// to npm stops everything the launcher started before npm exits.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { freshSiblingDatabase } from "./fresh-database";

const server = JSON.parse(readFileSync(path.join("test-results", "e2e-server.json"), "utf8")) as { DATABASE_URL?: string };
const basePort = Number(process.env.E2E_PORT ?? 3100);
/** The analysis refresh lock (REFRESH_LOCK in lib/services/analysis/refresh-analyses.ts): a drain waits behind whoever holds it. */
const REFRESH_LOCK = 7_245_001;

let launcher: ChildProcess | null = null;
let output = "";

/** A fresh database beside the e2e one, for a launcher of the test's own. */
const freshDatabase = (suffix: string) => freshSiblingDatabase(server.DATABASE_URL!, suffix);

function startNpm(databaseUrl: string, port: number, extra: Record<string, string> = {}): ChildProcess {
  output = "";
  const child = spawn("npm", ["start"], {
    // its own process group, so the test can tell whether anything of it is left
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", ATLAS_DEMO: "0", NEXT_TELEMETRY_DISABLED: "1", npm_config_update_notifier: "false", ...extra },
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return child;
}

async function health(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
  } catch {
    return 0;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

test.describe("npm start", () => {
  test.skip(!server.DATABASE_URL, "runs on Postgres: the embedded database has one session, so no second one can hold the refresh lock");
  test.slow();

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("npm start output", { body: output });
    if (launcher?.pid && groupAlive(launcher.pid)) process.kill(-launcher.pid, "SIGKILL");
    launcher = null;
  });

  test("listens at once with 1,000 task views queued, and drains them in the background", async () => {
    const url = await freshDatabase("launch_queue");
    execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await db.query(`
        INSERT INTO metric (name) VALUES ('acc');
        INSERT INTO task (name) SELECT 'queued_task_' || i FROM generate_series(1, 1000) AS i;
        INSERT INTO analysis_queue (task_id, metric_id, shots) SELECT t.id, m.id, 0 FROM task t, metric m`);
      const queued = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM analysis_queue")).rows[0].n;
      // the drain cannot finish while this session holds the refresh lock: the port must open regardless
      await db.query("SELECT pg_advisory_lock($1)", [REFRESH_LOCK]);
      launcher = startNpm(url, basePort + 1);
      await expect.poll(() => health(basePort + 1), { timeout: 120_000 }).toBe(200);
      expect(await queued()).toBe(1000);
      await db.query("SELECT pg_advisory_unlock($1)", [REFRESH_LOCK]);
      await expect.poll(queued, { timeout: 120_000 }).toBe(0);
    } finally {
      await db.end();
    }
  });

  test("SIGTERM to npm stops the server and everything the launcher started before npm exits", async () => {
    const url = await freshDatabase("launch_signal");
    launcher = startNpm(url, basePort + 2);
    await expect.poll(() => health(basePort + 2), { timeout: 120_000 }).toBe(200);
    const exited = once(launcher, "exit");
    process.kill(launcher.pid!, "SIGTERM");
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    // npm exited after its server: the port is already closed
    expect(await health(basePort + 2)).toBe(0);
    await expect.poll(() => groupAlive(launcher!.pid!), { timeout: 10_000 }).toBe(false);
  });

  test("analyses a heavy upload off the request loop: health keeps answering, and the view over its budget is retried, then parked with its error", async () => {
    const url = await freshDatabase("launch_heavy");
    execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    const token = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/token.ts", "create", "heavy", "--admin"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    }).trim().split("\n").pop()!;
    const port = basePort + 3;
    launcher = startNpm(url, port, { ATLAS_ANALYSIS_BUDGET_MS: "4000" });
    await expect.poll(() => health(port), { timeout: 120_000 }).toBe(200);
    // 50 families of 200 sizes each on one task view: far more than 4 s of fits
    const lines = ["Model,Model Family,Model Size (B),MMLU"];
    for (let f = 0; f < 50; f++) {
      for (let i = 0; i < 200; i++) lines.push(`heavy-${f}-${i},Heavy ${f},${(0.01 * 1.03 ** i).toFixed(6)},${(0.25 + 0.001 * i).toFixed(4)}`);
    }
    const upload = await fetch(`http://127.0.0.1:${port}/api/uploads?name=heavy.csv`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: lines.join("\n") + "\n",
    });
    expect(upload.status).toBe(201);
    const analysis = async () => (await (await fetch(`http://127.0.0.1:${port}/api/analysis?task=mmlu`)).json()) as { pending: boolean; failed: string | null };
    let answered = 0;
    while ((await analysis()).pending) {
      if ((await health(port)) === 200) answered++;
      await new Promise((r) => setTimeout(r, 200));
    }
    // the request loop kept answering while the fits ran (a blocked loop answers nothing until they end)
    expect(answered).toBeGreaterThanOrEqual(5);
    const after = await analysis();
    expect(after.failed).toBe("the analysis took longer than its budget of 4 s");
    // parked after its last attempt: the job engine holds it failed, and the view stays out of the workers' way
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await new Promise((r) => setTimeout(r, 2_000));
      const { rows } = await db.query("SELECT failed_at IS NOT NULL AS failed, error FROM analysis_queue");
      expect(rows).toEqual([{ failed: true, error: "the analysis took longer than its budget of 4 s" }]);
      const jobs = await db.query("SELECT state, retry_count FROM pgboss.job WHERE name = 'analysis'");
      expect(jobs.rows).toEqual([{ state: "failed", retry_count: 2 }]);
    } finally {
      await db.end();
    }
  });
});
