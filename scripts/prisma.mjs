#!/usr/bin/env node
// Runs the Prisma CLI offline: every project command goes through here
// (npm run prisma -- <args>, db:generate, db:migrate, ...).
//  - PRISMA_SCHEMA_ENGINE_BINARY points at our wasm-backed schema engine, so the
//    CLI neither downloads the native engine nor needs it;
//  - CHECKPOINT_DISABLE / PRISMA_HIDE_UPDATE_MESSAGE stop its network calls.
// The database URL comes from DATABASE_URL (read by prisma.config.ts).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts", "prisma-schema-engine.mjs"),
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const args = process.argv.slice(2);
if (!process.env.DATABASE_URL && ["migrate", "db", "studio"].includes(args[0]) && !args.includes("--help") && !args.includes("-h")) {
  console.error(
    `scripts/prisma.mjs: DATABASE_URL is not set, so \`prisma ${args.join(" ")}\` has no database to use.\n` +
      "  Set it first, e.g. export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/atlas_dev",
  );
}
const child = spawn(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), ...args], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
