import type { RegistryLookup, RegistryModel } from "@/lib/ingest/plan-types";

/**
 * The registry lookup with the stored models behind it: a name the registry
 * files do not know, but an earlier upload or mapping stored (as a model name
 * or alias, case-insensitively), resolves to that model with its stored facts.
 * Stored facts are never overwritten from here; they only fill gaps.
 */
export function withStoredModels(base: RegistryLookup, stored: readonly RegistryModel[]): RegistryLookup {
  if (stored.length === 0) return base;
  const byName = new Map<string, RegistryModel>();
  for (const model of stored) {
    for (const name of [model.name, ...model.aliases]) {
      const key = name.trim().toLowerCase();
      if (!byName.has(key)) byName.set(key, model);
    }
  }
  return {
    resolveModel: (name) => {
      const found = base.resolveModel(name);
      if (found) return found;
      const model = byName.get(name.trim().toLowerCase());
      return model ? { ...model, aliases: [...model.aliases], overwrite: false } : null;
    },
    task: (name) => base.task(name),
    metric: (name) => base.metric(name),
  };
}
