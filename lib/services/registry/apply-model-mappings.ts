import { AppError } from "@/lib/errors/app-error";
import type { ModelPlan, RegistryLookup, RegistryModel } from "@/lib/ingest/plan-types";
import type { ModelMapping } from "@/lib/schemas/uploads";

import { USER_SUPPLIED_SOURCE } from "@/lib/registry/user-supplied-source";

export { USER_SUPPLIED_SOURCE };

function toPlan(mapping: ModelMapping, targets: ReadonlyMap<string, RegistryModel>, base: RegistryLookup): ModelPlan {
  if (mapping.kind === "alias") {
    const target = targets.get(mapping.model) ?? base.resolveModel(mapping.model);
    if (!target) throw new AppError(422, "invalid_models", `models: no stored model is named ${JSON.stringify(mapping.model)} (to map ${JSON.stringify(mapping.name)} onto)`);
    // the stored model keeps its facts; the file's name becomes one of its aliases
    return { ...target, aliases: [...target.aliases], overwrite: false };
  }
  const { parameters, tokens, flops } = mapping;
  // 6·N·D (Kaplan et al. 2020), marked as an estimate, when the uploader gave N and D but not C
  const estimated = flops === null && parameters !== null && tokens !== null;
  return {
    name: mapping.name,
    family: mapping.family,
    parameters,
    trainingTokens: tokens,
    trainingFlops: estimated ? 6 * parameters * tokens : flops,
    flopsEstimated: estimated,
    tokensPerStep: null,
    finalStep: null,
    source: USER_SUPPLIED_SOURCE,
    aliases: [],
    overwrite: true,
  };
}

/**
 * The registry lookup with an upload's model mappings in front: an alias makes
 * the file's name resolve to a stored model, entered facts make it a model of
 * its own whose facts replace what is stored (like a --models entry). Names
 * match as the preview shows them, case-insensitively. `targets` holds the
 * stored models the aliases name.
 */
export function applyModelMappings(
  base: RegistryLookup,
  mappings: readonly ModelMapping[],
  targets: ReadonlyMap<string, RegistryModel>,
): RegistryLookup {
  if (mappings.length === 0) return base;
  const byName = new Map<string, ModelPlan>();
  for (const mapping of mappings) {
    const key = mapping.name.trim().toLowerCase();
    if (byName.has(key)) throw new AppError(422, "invalid_models", `models: ${JSON.stringify(mapping.name)} is mapped twice`);
    byName.set(key, toPlan(mapping, targets, base));
  }
  return {
    resolveModel: (name) => {
      const plan = byName.get(name.trim().toLowerCase());
      return plan ? { ...plan, aliases: [...plan.aliases] } : base.resolveModel(name);
    },
    task: (name) => base.task(name),
    metric: (name) => base.metric(name),
  };
}
