import { toDemoDatasets, type DemoDataset } from "./demo-datasets";
import type { FigureProvenance, FigureSource } from "./figure-types";
import { toCitation } from "./to-citation";

/** A figure's provenance and citation block from the uploads behind its points (each once, by id). */
export function toProvenance(sources: FigureSource[], reproduce: string): { provenance: FigureProvenance; citation: string } {
  const sorted = [...new Map(sources.map((s) => [s.uploadId, s])).values()].sort((a, b) => a.uploadId - b.uploadId);
  const datasets = new Map<string, DemoDataset>(sorted.flatMap((s) => toDemoDatasets(s.fileName)).map((d) => [d.id, d]));
  const provenance = { reproduce, sources: sorted, datasets: [...datasets.values()] };
  return { provenance, citation: toCitation(provenance) };
}
