import type { FigureProvenance } from "./figure-types";

/** The citation block shipped with every export: the files behind the points, then the datasets to cite. */
export function toCitation(p: FigureProvenance): string {
  const lines = ["Data sources (uploads behind the plotted points):"];
  for (const s of p.sources) {
    lines.push(`[${s.uploadId}] ${s.fileName} (${s.format}), sha256 ${s.sha256}${s.note ? `, note: ${s.note}` : ""}`);
  }
  if (p.datasets.length > 0) {
    lines.push("Original datasets, please cite:");
    for (const d of p.datasets) lines.push(`- ${d.name}: ${d.citation}. Source: ${d.source} (${d.license}).`);
  }
  lines.push(`Figure: Emergence Atlas, ${p.reproduce}`);
  return lines.join("\n");
}
