import type { FactSource, ModelEdit, ScaleFact } from "@/lib/schemas/model-registry";
import { USER_SUPPLIED_SOURCE } from "./user-supplied-source";
import { isFileStatedSource } from "@/lib/domain/file-stated-source";

export type StoredFacts = Record<ScaleFact, number | null> & {
  parametersSource: string | null;
  tokensSource: string | null;
  flopsSource: string | null;
};

const SOURCE_COLUMN = { parameters: "parametersSource", trainingTokens: "tokensSource", trainingFlops: "flopsSource" } as const;

/**
 * Where each of a model's facts came from. `edits` newest first. The newest
 * edit of a fact is credited only while the fact still holds the number and
 * source that edit wrote; an upload or ingest that changed the fact since
 * has replaced its source (see the model_fact_sources trigger).
 */
export function toFactSources(model: StoredFacts, edits: readonly ModelEdit[]): Record<ScaleFact, FactSource> {
  const of = (field: ScaleFact): FactSource => {
    const source = model[SOURCE_COLUMN[field]];
    // the model's creation counts as the edit that set each fact it was created with
    const latest = edits.find((e) => e.field === field || e.field === "created");
    const holds = latest !== undefined && latest.reason === source && (latest.field === "created" || latest.newValue === model[field]);
    const edit = holds && model[field] !== null ? latest : null;
    const kind = edit ? "edit" : source === null ? "unknown" : source === USER_SUPPLIED_SOURCE ? "upload" : isFileStatedSource(source) ? "file" : "cited";
    return { kind, source, edit };
  };
  return { parameters: of("parameters"), trainingTokens: of("trainingTokens"), trainingFlops: of("trainingFlops") };
}
