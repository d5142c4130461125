import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadRegistry } from "@/lib/registry/load-registry";
import { extendRegistry } from "@/lib/registry/extend-registry";
import { parseModelsCsv } from "@/lib/registry/parse-models-csv";
import { toRegistryLookup } from "@/lib/registry/to-registry-lookup";
import type { RegistryLookup } from "@/lib/ingest/plan-types";
import type { ModelMapping } from "@/lib/schemas/uploads";
import { listRegistryModels } from "@/lib/db/models";
import { withStoredModels } from "./with-stored-models";
import { applyModelMappings } from "./apply-model-mappings";

/** The committed registry: models, tasks (chance levels) and metrics (bounds). */
export const REGISTRY_DIR = "data/registry";

/** The committed registry and any --models files (whose entries take precedence), without the store: for tools that run before a database exists. */
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

/**
 * How every ingest resolves a name, the one builder the CLI, the upload route,
 * the demo seed and the tests use: the committed registry files, then the
 * models stored in the database (as corrected on /models) in front of them,
 * then explicit entries in front of both (a --models file's rows, an upload's
 * model mappings). Needs an open database.
 */
export async function buildRegistry(extra: { modelsFiles?: string[]; mappings?: ModelMapping[] } = {}): Promise<RegistryLookup> {
  const files = await loadRegistryFiles(extra.modelsFiles ?? []);
  const stored = await listRegistryModels();
  return applyModelMappings(withStoredModels(files, stored), extra.mappings ?? [], new Map(stored.map((m) => [m.name, m])));
}
