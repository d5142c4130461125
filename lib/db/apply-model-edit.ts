import "server-only";
import type { ModelEditResponse } from "@/lib/schemas/model-registry";
import type { EditOutcome } from "./model-edits";
import { getRegistryModel } from "./model-registry";
import { refreshAnalyses } from "./refresh-analyses";

/**
 * Runs one registry edit (its own transaction) and, once it has committed,
 * re-analyses the curves its new facts move. The only place a registry edit
 * refreshes analyses.
 */
export async function applyModelEdit(edit: () => Promise<EditOutcome>): Promise<ModelEditResponse> {
  const { modelId, touched } = await edit();
  const refreshed = touched.length > 0 ? await refreshAnalyses(touched) : { analysedCurves: 0 };
  return { model: await getRegistryModel(modelId), analysedCurves: refreshed.analysedCurves };
}
