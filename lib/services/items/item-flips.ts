import "server-only";
import { resolveTaskView } from "@/lib/db/curves";
import { getStoreVersion, listFamilyCheckpoints, listItemColumns, listItemFamilies, listItemMetrics, listItemTexts, type ItemMetric, type ItemView } from "@/lib/db/items";
import { notFound, AppError } from "@/lib/errors/app-error";
import { scaleOn } from "@/lib/domain/scale-axes";
import { chanceForMetric } from "@/lib/emergence/chance-for-metric";
import { toGroupId } from "@/lib/emergence/to-curve-inputs";
import { describeAdds, NO_CONTINUOUS_SCORE } from "@/lib/emergence/items/item-mirage";
import { toItemReport } from "@/lib/emergence/items/item-report";
import { toItemMatrix } from "@/lib/emergence/items/to-item-matrix";
import { memoTokens, tokenEditDistance } from "@/lib/emergence/items/token-edit-distance";
import type { ItemScore } from "@/lib/emergence/items/to-item-curve";
import type { ItemsQuery, ItemsResponse } from "@/lib/schemas/items";
import { compareOffThread, ViewAnalysisFailed } from "../analysis/analysis-process";

const EDIT_DISTANCE: ItemScore["metric"] = { higherIsBetter: false, lowerBound: 0, upperBound: 1, kind: "continuous" };
const isBinary = (score: ItemScore) => score.matrix.items.every((i) => i.values.every((v) => v === null || v === 0 || v === 1));
const metricOf = (m: ItemMetric): ItemScore["metric"] => ({
  higherIsBetter: m.higherIsBetter, lowerBound: m.lowerBound, upperBound: m.upperBound,
  kind: m.kind === "continuous" || m.kind === "discrete" ? m.kind : null,
});

/**
 * The items of one family on one task view (GET /api/items): the flip map, the
 * paired tests along the curve, bootstrap intervals, and the mirage test on the
 * same items under every continuous score the items carry; where they carry none
 * but targets and responses are stored, under token edit distance. Aggregated
 * here, on the server: the client gets bins and a page of rows, never every item.
 */
export async function getItemFlips(query: ItemsQuery): Promise<ItemsResponse> {
  const key = JSON.stringify([query.task, query.family ?? null, query.metric ?? null, query.shots ?? null, query.filter ?? null, query.x, await getStoreVersion()]);
  let report = reports.get(key);
  if (!report) {
    report = computeItemFlips(query);
    reports.set(key, report);
    report.catch(() => reports.delete(key));
    while (reports.size > CACHED_REPORTS) reports.delete(reports.keys().next().value as string);
  }
  const full = await report;
  return { ...full, rows: { offset: query.offset, limit: query.limit, items: full.rows.items.slice(query.offset, query.offset + query.limit) } };
}

/**
 * Reports computed in this process, by query and store version: paging through a
 * family's rows (or a second reader) reuses the one aggregation instead of reading
 * and testing 10,000+ items again. Any upload, deletion or registry edit changes the version.
 */
const reports = new Map<string, Promise<ItemsResponse>>();
const CACHED_REPORTS = 16;

async function computeItemFlips(query: ItemsQuery): Promise<ItemsResponse> {
  const resolved = await resolveTaskView({ task: query.task, metric: query.metric, shots: query.shots, filter: query.filter, x: query.x });
  const view: ItemView = { taskId: resolved.task.id, metricId: resolved.metric.id, shots: resolved.shots, filter: resolved.filter };
  const families = await listItemFamilies(view);
  const family = query.family ?? families[0];
  if (family === undefined) throw notFound(`items on "${resolved.task.name}" / ${resolved.metric.name}`);
  const placed = (await listFamilyCheckpoints(view, family))
    .map((c) => ({ ...c, x: scaleOn(c, query.x) }))
    .filter((c): c is typeof c & { x: number } => c.x !== null && c.x > 0);
  const columns = placed.length === 0 ? [] : await listItemColumns(view, placed.map((c) => c.checkpoint));
  const withItems = new Set(columns.filter((c) => c.metric === view.metricId).map((c) => c.checkpoint));
  if (withItems.size === 0) throw notFound(`items of family "${family}" on "${resolved.task.name}" / ${resolved.metric.name}`);
  const metrics = await listItemMetrics(view.taskId, [...new Set(columns.map((c) => c.metric))]);
  const models = placed.filter((c) => withItems.has(c.checkpoint)).sort((a, b) => a.x - b.x || a.model.localeCompare(b.model));
  const scoreOf = (m: ItemMetric): ItemScore => ({
    name: m.name, source: "stored", metric: metricOf(m), matrix: toItemMatrix(models, columns.filter((c) => c.metric === m.id)),
  });
  const sharpMetric = metrics.find((m) => m.id === view.metricId)!;
  const sharp = scoreOf(sharpMetric);
  let continuous = metrics.filter((m) => m.id !== view.metricId).map(scoreOf).filter((s) => !isBinary(s));
  if (continuous.length === 0) {
    const tokens = memoTokens();
    const distances = (await listItemTexts(view, models.map((c) => c.checkpoint))).map((t) => ({
      checkpoint: t.checkpoint, keys: t.keys, values: t.targets.map((target, i) => tokenEditDistance(target, t.responses[i], tokens)),
    }));
    if (distances.length > 0) continuous = [{ name: "token_edit_distance", source: "computed", metric: EDIT_DISTANCE, matrix: toItemMatrix(models, distances) }];
  }

  const groupId = toGroupId(resolved.task.name, sharpMetric.name, resolved.shots, resolved.filter, query.x);
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const report = toItemReport({
    sharp,
    continuous,
    reported: models.map((c) => c.reported),
    page: { offset: 0, limit: Number.MAX_SAFE_INTEGER },
    base: {
      id: `${groupId}|${family}`, groupId, family, filter: resolved.filter,
      chance: (score) => {
        const m = byName.get(score.name);
        return score.source === "computed" || !m ? null : chanceForMetric(resolved.task.chance, score.metric, { chance: m.taskMetricChance, source: m.taskMetricChanceSource });
      },
    },
  });
  const { byMetric, ...mirage } = report.mirage;
  const comparison = byMetric === null ? null : ((await judge(byMetric))[0] ?? null);
  return {
    task: resolved.task.name, metric: sharpMetric.name, shots: resolved.shots, filter: resolved.filter, family, families, x: query.x,
    ...report,
    mirage: { ...mirage, comparison, adds: byMetric === null ? NO_CONTINUOUS_SCORE(sharpMetric.name) : describeAdds(comparison, sharpMetric.name) },
  };
}

function judge(byMetric: Parameters<typeof compareOffThread>[0]) {
  return compareOffThread(byMetric).catch((err: unknown) => {
    if (err instanceof ViewAnalysisFailed) throw new AppError(503, "analysis_unavailable", `the mirage test on items could not be computed: ${err.message}`, { "retry-after": "5" });
    throw err;
  });
}
