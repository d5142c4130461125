import { readFileSync } from "node:fs";
import path from "node:path";
import { loadRegistry } from "../load-registry";
import type { Registry } from "@/lib/schemas/registry";

/** Test support only: reads the committed data/registry CSVs from disk. */
export function loadSeedRegistry(): Registry {
  const dir = path.resolve(import.meta.dirname, "../../../data/registry");
  return loadRegistry({
    models: readFileSync(path.join(dir, "models.csv"), "utf8"),
    tasks: readFileSync(path.join(dir, "tasks.csv"), "utf8"),
    metrics: readFileSync(path.join(dir, "metrics.csv"), "utf8"),
    taskMetrics: readFileSync(path.join(dir, "task-metrics.csv"), "utf8"),
  });
}
