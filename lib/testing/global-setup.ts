import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/lib/db/open-database";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

/** The database name in a URL, e.g. "atlas_test". */
function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/**
 * Database tests run against DATABASE_URL (refused unless its name ends in
 * _test) or, when it is unset, a fresh embedded PGlite in a temporary folder.
 * Either way the committed migrations are applied first.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = databaseName(url);
    if (!name.endsWith("_test")) {
      throw new Error(`Refusing to run database tests on "${name}": DATABASE_URL must name a database ending in _test.`);
    }
    await migrateDeploy(url);
    project.provide("databaseUrl", url);
    project.provide("databaseKind", "postgres");
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-db-test-"));
  const embedded = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
  await migrateDeploy(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("databaseKind", "embedded");
  return async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
