// Environment, validated once. Plain JS so next.config.js can import it and a
// bad environment fails `next build`; TypeScript infers the types from the schema.
import { z } from "zod";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

/** Comma-separated http(s) origins: scheme, host and optional port, nothing else. */
const originList = z.string().refine(
  (list) =>
    list.split(",").map((s) => s.trim()).filter((s) => s.length > 0).every((s) => {
      try {
        const url = new URL(s);
        return /^https?:$/.test(url.protocol) && url.origin === s.replace(/\/$/, "").toLowerCase();
      } catch {
        return false;
      }
    }),
  "must be comma-separated origins such as https://atlas.example.org or http://127.0.0.1:3000 (no path)",
);

export const envSchema = z.object({
  /** unset: `npm start` runs an embedded Postgres (PGlite) and sets it for the app */
  DATABASE_URL: postgresUrl.optional(),
  /** set by scripts/start.ts so /api/health can say which database serves the app */
  ATLAS_DATABASE_KIND: z.enum(["postgres", "embedded"]).default("postgres"),
  /** folder for the embedded database's files */
  ATLAS_DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** "1": load the demo dataset into an empty real Postgres too (the embedded one always gets it) */
  ATLAS_DEMO: z.enum(["0", "1"]).default("0"),
  /** largest request body POST /api/uploads reads, in bytes (default 50 MiB); larger bodies get 413 */
  ATLAS_UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  /** most rows (scores) the files of one POST /api/uploads may hold together (default 100,000); more get 413. `npm run ingest` has no limit */
  ATLAS_UPLOAD_LIMIT_ROWS: z.coerce.number().int().positive().default(100_000),
  /** uploads one API token may make per minute before 429 */
  ATLAS_UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** upload deletions one API token may make per minute before 429 */
  ATLAS_DELETE_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** "1": GET routes need a bearer token too (writes always do) */
  ATLAS_REQUIRE_TOKEN_FOR_READS: z.enum(["0", "1"]).default("0"),
  /**
   * comma-separated origins the app is served at (e.g. https://atlas.example.org behind a proxy): a browser
   * write must come from one of them; default the listen address http://HOST:PORT, http://127.0.0.1:PORT, http://localhost:PORT
   */
  ATLAS_PUBLIC_ORIGIN: originList.optional(),
  /** comma-separated origins of other sites from which a browser may write too */
  ATLAS_ALLOWED_ORIGINS: originList.default(""),
  /** how long connecting to the database may take before a request answers 503 (it never waits on a dead host) */
  ATLAS_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Postgres statement_timeout of every connection, in ms (0: none); a statement past it answers 503 and rolls back */
  ATLAS_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** Postgres lock_timeout of every connection, in ms (0: none): waiting longer for a row another request holds answers 503 */
  ATLAS_DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Postgres idle_in_transaction_session_timeout, in ms (0: none): a transaction left idle longer is ended and rolled back */
  ATLAS_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(120_000),
  /** how long one task view's analysis may take on the analysis thread before the view is marked failed (ms) */
  ATLAS_ANALYSIS_BUDGET_MS: z.coerce.number().int().positive().default(60_000),
  /** optional read replica for the read routes (GET); unset: reads go to DATABASE_URL */
  DATABASE_READ_URL: postgresUrl.optional(),
  /** "0": this web process runs no analysis worker (run `npm run worker` elsewhere); "1" (default): one in-process worker, off the request loop */
  ATLAS_IN_PROCESS_WORKER: z.enum(["0", "1"]).default("1"),
  /** analysis jobs one `npm run worker` process runs at once, each in its own analysis process (default: one per core) */
  ATLAS_WORKER_CONCURRENCY: z.coerce.number().int().positive().optional(),
  /** attempts after the first before a failing analysis job is parked with its error */
  ATLAS_JOB_RETRIES: z.coerce.number().int().min(0).default(2),
  /** seconds a running analysis job may stay active before it is counted as dead (its worker killed) and retried */
  ATLAS_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(180),
  /** how often (s) the job engine's maintenance looks for expired jobs of dead workers, and an idle worker for ledger views without a job */
  ATLAS_JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(30),
  /** how often (s) an idle worker polls for new jobs */
  ATLAS_JOB_POLL_SECONDS: z.coerce.number().min(0.5).default(2),
  /** folder holding DejaVuSans.ttf for figure exports, when it is not in a system font folder */
  ATLAS_FONT_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
});

/**
 * @param {Record<string, string | undefined>} [source]
 * @returns {z.infer<typeof envSchema>}
 */
export function readEnv(source = process.env) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}
