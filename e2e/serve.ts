// The app under test: a fresh database with the demo data (a throwaway
// <name>_e2e_test next to DATABASE_URL, or an embedded PGlite in a temp folder),
// a fresh production build, then `npm start`'s launcher.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshSiblingDatabase } from "./fresh-database";

const env: NodeJS.ProcessEnv = { ...process.env, ATLAS_DEMO: "1", NEXT_TELEMETRY_DISABLED: "1" };
let tempDir: string | null = null;

if (process.env.DATABASE_URL) {
  env.DATABASE_URL = await freshSiblingDatabase(process.env.DATABASE_URL, "e2e");
} else {
  tempDir = mkdtempSync(path.join(tmpdir(), "atlas-e2e-"));
  env.ATLAS_DATA_DIR = path.join(tempDir, "pglite");
}

// Where the server's database is, for specs that make their own data through the CLIs
// (e2e/upload.spec.ts creates its API token). Playwright empties test-results/ before starting this.
mkdirSync("test-results", { recursive: true });
writeFileSync(
  path.join("test-results", "e2e-server.json"),
  JSON.stringify(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : { ATLAS_DATA_DIR: env.ATLAS_DATA_DIR }),
);

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], { stdio: "inherit", env });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
