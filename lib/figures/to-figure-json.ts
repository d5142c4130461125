import type { Figure } from "./figure-types";

/** The data export as JSON: the same rows, with the caption and the citation block beside them. */
export function toFigureJson(figure: Figure) {
  return {
    title: figure.title,
    caption: figure.caption,
    citation: figure.citation,
    provenance: figure.provenance,
    axis: { x: figure.chart.xLabel, y: figure.chart.yLabel, chance: figure.chart.chance?.y ?? null },
    points: figure.rows,
    ...figure.extra,
  };
}
