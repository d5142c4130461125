// `npm start`: the database (embedded PGlite unless DATABASE_URL is set), its
// migrations and demo data, a production build if there is none, then `next start`.
// `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readEnv } from "@/lib/env.js";
import { openDatabase } from "@/lib/db/open-database";
import { closeDb } from "@/lib/db/client";
import { seedDemoIfEmpty } from "@/lib/db/seed-demo";
import { loadRegistryFiles } from "@/lib/db/registry-files";
import { ensureAnalyses } from "@/lib/db/analysis-queue";
import { createApiToken, listApiTokens } from "@/lib/db/api-tokens";

const dev = process.argv.includes("--dev");
const env = readEnv();
const nextBin = "node_modules/.bin/next";

const db = await openDatabase({ serve: true });
console.log(`database: ${db.kind}${db.kind === "embedded" ? ` (${env.ATLAS_DATA_DIR})` : ""}`);

if (db.kind === "embedded" || env.ATLAS_DEMO === "1") {
  const summary = await seedDemoIfEmpty(await loadRegistryFiles());
  if (summary) console.log(`demo data loaded: ${JSON.stringify(summary)}`);
}
const analysed = await ensureAnalyses();
if (analysed) console.log(`analysed ${analysed.analysedCurves} curves in ${analysed.ms} ms`);
// A single user on the embedded database can upload straight away: one local token, shown once. It is
// an admin token: whoever runs the embedded database owns it, the demo uploads included.
if (db.kind === "embedded" && (await listApiTokens()).length === 0) {
  const local = await createApiToken("local", { admin: true });
  console.log(`admin API token "local" for uploads (shown once, store it): ${local.token}`);
}
await closeDb();

if (!dev && !existsSync(".next/BUILD_ID")) {
  console.log("no production build yet: running next build");
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) {
    await db.stop();
    process.exit(build.status ?? 1);
  }
}

const server = spawn(nextBin, [dev ? "dev" : "start", "-H", env.HOST, "-p", String(env.PORT)], {
  stdio: "inherit",
  env: process.env,
});
console.log(`Emergence Atlas on http://${env.HOST}:${env.PORT}`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 0));
