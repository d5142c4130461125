import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { readEnv } from "@/lib/env.js";
import { getPool } from "./client";

/** The one queue: each job re-analyses one task view (its data is a CurveGroup). */
export const ANALYSIS_QUEUE = "analysis";

type Sql = Pick<pg.ClientBase, "query">;

/** pg-boss's database seam: every statement goes through a client of ours (the app's pool, or a transaction's client). */
export const toBossDb = (sql: Sql): PgBoss.Db => ({
  executeSql: (text: string, values: unknown[]) => sql.query(text, values),
});

function queueOptions(): PgBoss.Queue {
  const env = readEnv();
  return {
    name: ANALYSIS_QUEUE,
    // "short": at most one *waiting* job per key (a view queued twice before a worker takes it runs once);
    // a view changed while its job runs gets a second job, so the change is analysed too
    policy: "short",
    retryLimit: env.ATLAS_JOB_RETRIES,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: env.ATLAS_JOB_EXPIRE_SECONDS,
  };
}

function bossOptions(db: PgBoss.Db, supervise: boolean): PgBoss.ConstructorOptions {
  const env = readEnv();
  return {
    db,
    supervise,
    schedule: false,
    maintenanceIntervalSeconds: env.ATLAS_JOB_MAINTENANCE_SECONDS,
    archiveCompletedAfterSeconds: 3600,
  };
}

/**
 * Installs (or upgrades) pg-boss's schema and the analysis queue on the database at
 * `url`, once per start-up (the launcher, a worker, the test setup), before any
 * transaction enqueues a job. Safe to run from several processes at once: pg-boss
 * migrates under an advisory lock, and a queue another process just created is kept.
 */
export async function installJobEngine(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const boss = new PgBoss(bossOptions(toBossDb(client), false));
    boss.on("error", (err: Error) => console.error("job engine:", err.message));
    await boss.start();
    const existing = await boss.getQueue(ANALYSIS_QUEUE);
    if (existing) await boss.updateQueue(ANALYSIS_QUEUE, queueOptions());
    else await boss.createQueue(ANALYSIS_QUEUE, queueOptions()).catch(async (err: unknown) => {
      if (!(await boss.getQueue(ANALYSIS_QUEUE))) throw err;
    });
    await boss.stop({ graceful: false, close: false, wait: true });
  } finally {
    await client.end();
  }
}

// One engine per process, over the process's pool (on the embedded database, its one connection).
const holder = globalThis as typeof globalThis & { __atlasBoss?: { boss: PgBoss; started: Promise<PgBoss> | null } };

/**
 * This process's pg-boss. Enqueueing needs no start (it is plain SQL through the
 * caller's transaction, and fetching, completing and failing jobs are plain SQL too);
 * `startJobEngine` starts its maintenance for workers (`supervise`: expiring the jobs
 * of dead workers so they are retried).
 */
export function getJobEngine(): PgBoss {
  holder.__atlasBoss ??= { boss: new PgBoss(bossOptions(toBossDb(getPool()), true)), started: null };
  return holder.__atlasBoss.boss;
}

export function startJobEngine(): Promise<PgBoss> {
  const boss = getJobEngine();
  const slot = holder.__atlasBoss!;
  slot.started ??= (async () => {
    boss.on("error", (err: Error) => console.error("job engine:", err.message));
    await boss.start();
    return boss;
  })();
  return slot.started;
}

/** Stops this process's engine: its maintenance (the workers' loops stop first, analysis-worker.ts). */
export async function stopJobEngine(timeoutMs = 10_000): Promise<void> {
  const slot = holder.__atlasBoss;
  holder.__atlasBoss = undefined;
  if (!slot?.started) return;
  const boss = await slot.started.catch(() => null);
  await boss?.stop({ graceful: true, close: false, wait: true, timeout: timeoutMs });
}
