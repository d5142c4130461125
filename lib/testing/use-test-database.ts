import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db/client";
import { whenAnalysisIdle } from "@/lib/services/analysis/drain";

// Every db test file talks to the database global-setup prepared.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.ATLAS_DATABASE_KIND = inject("databaseKind");

afterAll(async () => {
  // a background re-analysis a route started must not outlive the file's connection
  await whenAnalysisIdle();
  await closeDb();
});
