/** What one file's ingest reports (see lib/services/ingest/ingest-file.ts). */
export type FileOutcome =
  | {
      ok: true;
      fileName: string;
      parsed: number;
      inserted: number;
      updated: number;
      skipped: number;
      /** item rows written; absent for a file without items */
      items?: number;
      unknownScaleModels: string[];
    }
  | { ok: false; fileName: string; error: string };

export type IngestSummary = {
  files: number;
  parsed: number;
  inserted: number;
  updated: number;
  skipped: number;
  items: number;
  unknownScaleModels: string[];
  errors: { file: string; error: string }[];
};

/** The run's totals: the last line the ingest CLI prints, and what an upload answers. */
export function summarizeOutcomes(outcomes: FileOutcome[]): IngestSummary {
  const summary: IngestSummary = {
    files: outcomes.length, parsed: 0, inserted: 0, updated: 0, skipped: 0, items: 0, unknownScaleModels: [], errors: [],
  };
  const unknown = new Set<string>();
  for (const o of outcomes) {
    if (!o.ok) {
      summary.errors.push({ file: o.fileName, error: o.error });
      continue;
    }
    summary.parsed += o.parsed;
    summary.inserted += o.inserted;
    summary.updated += o.updated;
    summary.skipped += o.skipped;
    summary.items += o.items ?? 0;
    o.unknownScaleModels.forEach((m) => unknown.add(m));
  }
  summary.unknownScaleModels = [...unknown].sort();
  return summary;
}
