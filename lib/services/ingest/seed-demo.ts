import "server-only";
import { getPool } from "@/lib/db/client";
import { ingestPaths } from "./ingest-paths";
import type { IngestSummary } from "@/lib/ingest/summarize-outcomes";
import { buildRegistry } from "@/lib/services/registry/build-registry";

/** The demo dataset (Pythia v1 evals, ObsScaling CSVs), with its licenses and attribution. */
export const DEMO_DATA_DIR = "data/demo";

/**
 * Loads the demo data through the normal ingest path, but only into a database
 * that has never had an upload: a researcher's own data is never mixed with it.
 */
export async function seedDemoIfEmpty(): Promise<IngestSummary | null> {
  const { rows } = await getPool().query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM upload) AS any");
  if (rows[0].any) return null;
  return ingestPaths([DEMO_DATA_DIR], { registry: await buildRegistry(), note: "demo dataset" });
}
