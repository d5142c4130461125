import "server-only";
import { getPrisma } from "./client";
import { notFound } from "@/lib/errors/app-error";
import type { CurvePoint, CurvesQuery, CurvesResponse, ViewAxis } from "@/lib/schemas/curves";
import { checkpointRows, finalRows, type PointRow } from "./curve-rows";
import { pickDefaultFilter, pickDefaultMetric, pickDefaultShots } from "@/lib/domain/view-defaults";
import { chanceForMetric } from "@/lib/emergence/chance-for-metric";
import { AXES } from "@/lib/domain/scale-axes";
import { NO_FAMILY } from "@/lib/domain/no-family";

type TaskRow = { id: number; name: string; suite: string | null; chance: number | null; chance_source: string | null };
type MetricRow = {
  id: number;
  name: string;
  /** the task's own direction for this metric (lm-eval higher_is_better) when a file gave one, else the registry's */
  higher_is_better: boolean | null;
  lower_bound: number | null;
  upper_bound: number | null;
  tm_chance: number | null;
  tm_chance_source: string | null;
};

function scaleOf(row: PointRow, x: ViewAxis): { x: number | null; estimated: boolean } {
  const { column, estimatedColumn } = AXES[x];
  return { x: row[column], estimated: estimatedColumn !== null && row[estimatedColumn] };
}

export type TaskView = {
  task: TaskRow;
  metric: MetricRow;
  shots: number | null;
  filter: string;
  options: CurvesResponse["options"];
};

/**
 * The task view a query names, with defaults filled in (metric: acc first;
 * shots: the fewest available; filter: the unfiltered score, else lm-eval's
 * strict extraction). 404 for a task, metric, shots or filter without results.
 */
export async function resolveTaskView(query: CurvesQuery): Promise<TaskView> {
  const prisma = getPrisma();
  const [task] = await prisma.$queryRaw<TaskRow[]>`
    SELECT id, name, suite, chance, chance_source FROM task WHERE name = ${query.task}`;
  if (!task) throw notFound(`task "${query.task}"`);

  const metrics = await prisma.$queryRaw<MetricRow[]>`
    SELECT me.id, me.name, COALESCE(tm.higher_is_better, me.higher_is_better) AS higher_is_better,
           me.lower_bound, me.upper_bound, tm.chance AS tm_chance, tm.chance_source AS tm_chance_source
    FROM metric me
    LEFT JOIN task_metric tm ON tm.task_id = ${task.id} AND tm.metric_id = me.id
    WHERE me.id IN (SELECT DISTINCT metric_id FROM result WHERE task_id = ${task.id})
    ORDER BY me.name`;
  const metricName = query.metric ?? pickDefaultMetric(metrics.map((m) => m.name));
  const metric = metrics.find((m) => m.name === metricName);
  if (!metric) throw notFound(`metric "${metricName}" for task "${task.name}"`);

  const shotRows = await prisma.$queryRaw<{ shots: number | null }[]>`
    SELECT DISTINCT shots FROM result WHERE task_id = ${task.id} AND metric_id = ${metric.id}
    ORDER BY shots NULLS LAST`;
  const shotOptions = shotRows.map((s) => s.shots);
  const shots = query.shots === undefined ? pickDefaultShots(shotOptions) : query.shots === "unknown" ? null : query.shots;
  if (!shotOptions.includes(shots)) throw notFound(`${shots ?? "unknown"}-shot results for "${task.name}" / ${metric.name}`);

  const filterRows = await prisma.$queryRaw<{ filter: string }[]>`
    SELECT DISTINCT filter FROM result
    WHERE task_id = ${task.id} AND metric_id = ${metric.id} AND shots IS NOT DISTINCT FROM ${shots}::int ORDER BY filter`;
  const filterOptions = filterRows.map((f) => f.filter);
  const filter = query.filter ?? pickDefaultFilter(filterOptions) ?? "none";
  if (!filterOptions.includes(filter)) throw notFound(`filter "${filter}" for "${task.name}" / ${metric.name}`);

  const checkpointModels = await prisma.$queryRaw<{ name: string }[]>`
    SELECT m.name FROM result r
    JOIN checkpoint c ON c.id = r.checkpoint_id AND c.tokens_seen IS NOT NULL
    JOIN model m ON m.id = c.model_id
    WHERE r.task_id = ${task.id} AND r.metric_id = ${metric.id} AND r.shots IS NOT DISTINCT FROM ${shots}::int AND r.filter = ${filter}
    GROUP BY m.name HAVING count(*) >= 2 ORDER BY count(*) DESC, m.name`;
  return {
    task, metric, shots, filter,
    options: { metrics: metrics.map((m) => m.name), shots: shotOptions, filters: filterOptions, checkpointModels: checkpointModels.map((m) => m.name) },
  };
}

/**
 * One task's scale curves: the final checkpoint of every model, grouped by family,
 * placed on the chosen scale axis. Models without that scale are listed, not placed.
 */
export async function getCurves(query: CurvesQuery): Promise<CurvesResponse> {
  const view = await resolveTaskView(query);
  const { task, metric, shots, filter, options } = view;
  let model: string | null = null;
  if (query.x === "checkpoint") {
    model = query.model ?? options.checkpointModels[0] ?? null;
    if (model === null || !options.checkpointModels.includes(model)) {
      throw notFound(`checkpoints of ${model ?? "any model"} on "${task.name}" / ${metric.name}`);
    }
  }
  const rows = model ? await checkpointRows(view, model) : await finalRows(view);
  const byFamily = new Map<string, CurvePoint[]>();
  const unplaced: CurvesResponse["unplaced"] = [];
  for (const row of rows) {
    const scale = scaleOf(row, query.x);
    if (scale.x === null) {
      unplaced.push({ model: row.model, value: row.value });
      continue;
    }
    const family = row.family ?? NO_FAMILY;
    const points = byFamily.get(family) ?? [];
    points.push({
      model: row.model, x: scale.x, xEstimated: scale.estimated, value: row.value, stderr: row.stderr,
      n: row.n, uploadId: row.upload_id, fileName: row.file_name,
    });
    byFamily.set(family, points);
  }
  return {
    task: { name: task.name, suite: task.suite, chance: task.chance, chanceSource: task.chance_source },
    metric: {
      name: metric.name, higherIsBetter: metric.higher_is_better,
      lowerBound: metric.lower_bound, upperBound: metric.upper_bound,
    },
    shots,
    filter,
    x: query.x,
    model,
    chance: chanceForMetric(
      task.chance,
      { higherIsBetter: metric.higher_is_better, lowerBound: metric.lower_bound, upperBound: metric.upper_bound },
      { chance: metric.tm_chance, source: metric.tm_chance_source },
    ),
    options,
    series: [...byFamily].map(([family, points]) => ({ family, points: points.sort((a, b) => a.x - b.x) })),
    unplaced,
  };
}
