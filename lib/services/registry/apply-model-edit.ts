import "server-only";
import type { ModelEditResponse } from "@/lib/schemas/model-registry";
import { nudgeAnalysisWorkers } from "@/lib/services/analysis/analysis-worker";
import type { EditOutcome } from "@/lib/db/model-edits";
import { getRegistryModel } from "@/lib/db/model-registry";

/**
 * Runs one registry edit (its own transaction, which queues the task views its
 * new facts move) and, once it has committed, starts their re-analysis in the
 * background.
 */
export async function applyModelEdit(edit: () => Promise<EditOutcome>): Promise<ModelEditResponse> {
  const { modelId, touched } = await edit();
  if (touched.length > 0) nudgeAnalysisWorkers();
  return { model: await getRegistryModel(modelId), analysisQueued: touched.length };
}
