import type { ModelPlan, RegistryLookup } from "@/lib/ingest/plan-types";
import type { ModelEntry, Registry } from "@/lib/schemas/registry";
import { resolveModelName } from "./resolve-model";

/**
 * The lookups ingest planning needs, over a loaded registry. Entries in
 * `explicit` (a user's --models file, an upload's mapping) overwrite stored
 * facts; seed entries only fill gaps. A glob entry names no model of its own:
 * the matched model keeps the name the file gives it.
 */
export function toRegistryLookup(registry: Registry, explicit: ReadonlySet<ModelEntry> = new Set()): RegistryLookup {
  const tasks = new Map(registry.tasks.map((t) => [t.name, t]));
  const metrics = new Map(registry.metrics.map((m) => [m.name, m]));
  const taskMetrics = new Map(registry.taskMetrics.map((e) => [`${e.task}\u0000${e.metric}`, e]));
  return {
    resolveModel(name: string): ModelPlan | null {
      const entry = resolveModelName(name, registry);
      if (!entry) return null;
      return {
        name: entry.name.includes("*") ? name : entry.name,
        family: entry.family,
        parameters: entry.parameters,
        trainingTokens: entry.trainingTokens,
        trainingFlops: entry.trainingFlops,
        flopsEstimated: entry.flopsEstimated,
        tokensPerStep: entry.tokensPerStep,
        finalStep: entry.finalStep,
        source: entry.source || null,
        aliases: entry.name.includes("*") ? [] : [...entry.aliases],
        overwrite: explicit.has(entry),
      };
    },
    task(name) {
      const t = tasks.get(name);
      return t ? { ...t } : null;
    },
    metric(name) {
      const m = metrics.get(name);
      return m ? { ...m } : null;
    },
    taskMetric(task, metric) {
      const e = taskMetrics.get(`${task}\u0000${metric}`);
      return e ? { chance: e.chance, chanceSource: e.chanceSource } : null;
    },
  };
}
