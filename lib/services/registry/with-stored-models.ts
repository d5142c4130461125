import type { ModelPlan, RegistryLookup, RegistryModel } from "@/lib/ingest/plan-types";

/** The stored model, its gaps filled from the registry files' entry for it (as the ingest's write would fill them). */
function overlay(stored: RegistryModel, file: ModelPlan | null): ModelPlan {
  const flopsFromStore = stored.trainingFlops !== null || file === null;
  return {
    name: stored.name,
    family: stored.family ?? file?.family ?? null,
    parameters: stored.parameters ?? file?.parameters ?? null,
    trainingTokens: stored.trainingTokens ?? file?.trainingTokens ?? null,
    trainingFlops: flopsFromStore ? stored.trainingFlops : file.trainingFlops,
    flopsEstimated: flopsFromStore ? stored.flopsEstimated : file.flopsEstimated,
    tokensPerStep: stored.tokensPerStep ?? file?.tokensPerStep ?? null,
    finalStep: stored.finalStep ?? file?.finalStep ?? null,
    source: stored.source ?? file?.source ?? null,
    aliases: [...stored.aliases],
    overwrite: false,
  };
}

/**
 * The registry lookup with the stored models in front: the database is the
 * registry as corrected on /models, so a name stored as a model name or alias
 * (case-insensitively) resolves to that model with its stored facts, and a
 * name only the registry files know resolves to the stored model of that
 * name when there is one. The files only fill facts the store lacks, and an
 * explicit entry (--models) still wins. Stored facts are never overwritten from here.
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
  const storedFor = (name: string) => byName.get(name.trim().toLowerCase());
  return {
    resolveModel: (name) => {
      const found = base.resolveModel(name);
      if (found?.overwrite) return found;
      const model = storedFor(name) ?? (found ? storedFor(found.name) : undefined);
      if (!model) return found;
      return overlay(model, found && found.name.toLowerCase() === model.name.toLowerCase() ? found : base.resolveModel(model.name));
    },
    task: (name) => base.task(name),
    metric: (name) => base.metric(name),
  };
}
