// `npm start`: the database (embedded PGlite unless DATABASE_URL is set), its
// migrations and demo data, a production build if there is none, then `next start`.
// `npm run dev` does the same with `next dev`. The server drains the analysis a
// stopped server left queued in the background once it listens (instrumentation.ts).
// SIGINT, SIGTERM and SIGHUP are forwarded to the running child (the build or the
// server), whose exit the launcher waits for before it stops the embedded database
// and exits itself: nothing outlives `npm start`.
import { existsSync } from "node:fs";
import { readEnv } from "@/lib/env.js";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { closeDb } from "@/lib/db/client";
import { seedDemoIfEmpty } from "@/lib/services/ingest/seed-demo";
import { createApiToken, listApiTokens } from "@/lib/db/api-tokens";
import { superviseChild, type SupervisedChild } from "@/lib/process/supervise-child";

const dev = process.argv.includes("--dev");
const env = readEnv();
const nextBin = "node_modules/.bin/next";

// assigned once the signal handlers that read it are installed
// eslint-disable-next-line prefer-const
let db: OpenDatabase | undefined;
let child: SupervisedChild | undefined;
let stopped: Promise<never> | undefined;

/** Stops the child (if any) and waits for it, then the database; exits with `code`. The first call decides. */
function shutdown(code: number, signal?: NodeJS.Signals): Promise<never> {
  stopped ??= (async () => {
    if (signal && child) await child.stop(signal);
    await closeDb().catch(() => undefined);
    await db?.stop();
    process.exit(code);
  })();
  return stopped;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0, signal));

/** Runs a child to its end (or until a signal stops it and the launcher). */
async function run(args: string[]): Promise<number> {
  child = superviseChild(nextBin, args, { env: process.env });
  const { code, signal } = await child.exited;
  child = undefined;
  return code ?? (signal ? 1 : 0);
}

db = await openDatabase({ serve: true });
console.log(`database: ${db.kind}${db.kind === "embedded" ? ` (${env.ATLAS_DATA_DIR})` : ""}`);

if (db.kind === "embedded" || env.ATLAS_DEMO === "1") {
  const summary = await seedDemoIfEmpty();
  if (summary) console.log(`demo data loaded: ${JSON.stringify(summary)}`);
}
// A single user on the embedded database can upload straight away: one local token, shown once. It is
// an admin token: whoever runs the embedded database owns it, the demo uploads included.
if (db.kind === "embedded" && (await listApiTokens()).length === 0) {
  const local = await createApiToken("local", { admin: true });
  console.log(`admin API token "local" for uploads (shown once, store it): ${local.token}`);
}
await closeDb();

if (!dev && !existsSync(".next/BUILD_ID")) {
  console.log("no production build yet: running next build");
  const built = await run(["build"]);
  if (built !== 0) await shutdown(built);
}

console.log(`Emergence Atlas on http://${env.HOST}:${env.PORT}`);
await shutdown(await run([dev ? "dev" : "start", "-H", env.HOST, "-p", String(env.PORT)]));
