import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadRegistry } from "@/lib/registry/load-registry";
import { extendRegistry } from "@/lib/registry/extend-registry";
import { parseModelsCsv } from "@/lib/registry/parse-models-csv";
import { toRegistryLookup } from "@/lib/registry/to-registry-lookup";
import type { RegistryLookup } from "@/lib/ingest/plan-types";

/** The committed registry: models, tasks (chance levels) and metrics (bounds). */
export const REGISTRY_DIR = "data/registry";

/** Reads the committed registry and any --models files (whose entries take precedence). */
export async function loadRegistryFiles(modelsFiles: string[] = []): Promise<RegistryLookup> {
  const read = (name: string) => readFile(path.join(REGISTRY_DIR, name), "utf8");
  const seed = loadRegistry({
    models: await read("models.csv"),
    tasks: await read("tasks.csv"),
    metrics: await read("metrics.csv"),
    taskMetrics: await read("task-metrics.csv"),
  });
  const userEntries = [];
  for (const file of modelsFiles) userEntries.push(...parseModelsCsv(file, await readFile(file, "utf8")));
  return toRegistryLookup(extendRegistry(seed, userEntries), new Set(userEntries));
}
