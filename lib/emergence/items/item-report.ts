import type { ItemsResponse } from "@/lib/schemas/items";
import type { MetricCurves } from "../compare-metrics";
import { hashSeed } from "../hash-seed";
import { againstChance } from "./against-chance";
import { toFlipMap } from "./flip-map";
import { toFlipBins } from "./flip-map-bins";
import { itemBootstrapIntervals } from "./item-bootstrap";
import { completeItems } from "./item-matrix";
import { toItemMetricCurves, type MirageBase } from "./item-mirage";
import { toPairedSteps } from "./paired-steps";
import type { ItemScore } from "./to-item-curve";

export type ItemReportInput = {
  sharp: ItemScore;
  continuous: ItemScore[];
  /** per model (the sharp matrix's columns), the aggregate its results file reported */
  reported: (number | null)[];
  base: MirageBase;
  page: { offset: number; limit: number };
};

export type ItemReport = Omit<ItemsResponse, "task" | "metric" | "shots" | "filter" | "family" | "families" | "x" | "mirage"> & {
  /** the curves of the mirage test, judged by the caller (off the request loop) */
  mirage: { scores: ItemsResponse["mirage"]["scores"]; items: number; byMetric: MetricCurves[] | null };
};

/**
 * Everything the items section shows, from the stored items of one family on one
 * task view: the flip map (ordered rows, bins, step shares), a page of rows, the
 * paired tests between adjacent sizes, every model's mean with its item-bootstrap
 * interval next to the reported aggregate and against chance, and the curves of the mirage test.
 */
export function toItemReport({ sharp, continuous, reported, base, page }: ItemReportInput): ItemReport {
  const matrix = sharp.matrix;
  const map = toFlipMap(matrix);
  const complete = completeItems(matrix);
  const columns = matrix.models.map((_, m) => Float64Array.from(complete, (item) => item.values[m] as number));
  const intervals = itemBootstrapIntervals(columns, { seed: hashSeed(base.id, 0) });
  const scores = [sharp, ...continuous].map((s) => ({ name: s.name, source: s.source }));
  const mirage = continuous.length === 0 ? { scores, items: 0, byMetric: null } : { scores, ...toItemMetricCurves([sharp, ...continuous], base) };
  const chance = base.chance(sharp);
  return {
    models: matrix.models.map((model, m) => ({
      model: model.model,
      x: model.x,
      items: matrix.items.filter((item) => item.values[m] !== null).length,
      mean: complete.length === 0 ? null : columns[m].reduce((a, b) => a + b, 0) / complete.length,
      interval: intervals[m],
      reported: reported[m],
      againstChance: againstChance(intervals[m], chance),
    })),
    chance,
    complete: map.rows.length,
    incomplete: map.incomplete,
    flipMap: {
      bins: toFlipBins(map, matrix.models.length),
      steps: map.steps,
      correctThroughout: map.correctThroughout,
      worse: map.worse,
      never: map.never,
    },
    rows: {
      offset: page.offset,
      limit: page.limit,
      items: map.rows.slice(page.offset, page.offset + page.limit).map(({ key, values, standing }) => ({ key, values, standing })),
    },
    pairedTests: toPairedSteps(matrix),
    mirage,
  };
}
