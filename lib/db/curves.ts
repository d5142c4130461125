import "server-only";
import { getPool } from "./client";
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

type ViewRow = { metric_id: number; shots: number | null; filter: string };
type CheckpointedRow = ViewRow & { model: string; placed: number };
type TaskViewsRow = TaskRow & { metrics: MetricRow[] | null; views: ViewRow[] | null; checkpointed: CheckpointedRow[] | null };

/**
 * Everything a task view's options need, in one statement over the task's rows of
 * result_count (per view and model, kept at write time): never a scan of results.
 */
const TASK_VIEWS_SQL = `
  SELECT t.id, t.name, t.suite, t.chance, t.chance_source,
    (SELECT json_agg(json_build_object('id', me.id, 'name', me.name,
              'higher_is_better', COALESCE(tm.higher_is_better, me.higher_is_better),
              'lower_bound', me.lower_bound, 'upper_bound', me.upper_bound,
              'tm_chance', tm.chance, 'tm_chance_source', tm.chance_source) ORDER BY me.name)
       FROM metric me LEFT JOIN task_metric tm ON tm.task_id = t.id AND tm.metric_id = me.id
       WHERE me.id IN (SELECT metric_id FROM result_count WHERE task_id = t.id)) AS metrics,
    (SELECT json_agg(json_build_object('metric_id', v.metric_id, 'shots', v.shots, 'filter', v.filter) ORDER BY v.shots NULLS LAST, v.filter)
       FROM (SELECT DISTINCT metric_id, shots, filter FROM result_count WHERE task_id = t.id) v) AS views,
    (SELECT json_agg(json_build_object('metric_id', c.metric_id, 'shots', c.shots, 'filter', c.filter, 'model', m.name, 'placed', c.placed)
              ORDER BY c.placed DESC, m.name)
       FROM result_count c JOIN model m ON m.id = c.model_id WHERE c.task_id = t.id AND c.placed >= 2) AS checkpointed
  FROM task t WHERE t.name = $1`;

const sameView = (metricId: number, shots: number | null, filter?: string) => (v: ViewRow) =>
  v.metric_id === metricId && v.shots === shots && (filter === undefined || v.filter === filter);

/**
 * The task view a query names, with defaults filled in (metric: acc first;
 * shots: the fewest available; filter: the unfiltered score, else lm-eval's
 * strict extraction). 404 for a task, metric, shots or filter without results.
 * One statement.
 */
export async function resolveTaskView(query: CurvesQuery): Promise<TaskView> {
  const { rows } = await getPool().query<TaskViewsRow>(TASK_VIEWS_SQL, [query.task]);
  if (rows.length === 0) throw notFound(`task "${query.task}"`);
  const { metrics: metricRows, views: viewRows, checkpointed: checkpointedRows, ...task } = rows[0];
  const metrics = metricRows ?? [];
  const views = viewRows ?? [];

  const metricName = query.metric ?? pickDefaultMetric(metrics.map((m) => m.name));
  const metric = metrics.find((m) => m.name === metricName);
  if (!metric) throw notFound(`metric "${metricName}" for task "${task.name}"`);

  const shotOptions = [...new Set(views.filter((v) => v.metric_id === metric.id).map((v) => v.shots))];
  const shots = query.shots === undefined ? pickDefaultShots(shotOptions) : query.shots === "unknown" ? null : query.shots;
  if (!shotOptions.includes(shots)) throw notFound(`${shots ?? "unknown"}-shot results for "${task.name}" / ${metric.name}`);

  const filterRows = views.filter(sameView(metric.id, shots));
  const filterOptions = filterRows.map((f) => f.filter);
  const filter = query.filter ?? pickDefaultFilter(filterOptions) ?? "none";
  if (!filterOptions.includes(filter)) throw notFound(`filter "${filter}" for "${task.name}" / ${metric.name}`);

  const checkpointModels = (checkpointedRows ?? []).filter(sameView(metric.id, shots, filter)).map((c) => c.model);
  return { task, metric, shots, filter, options: { metrics: metrics.map((m) => m.name), shots: shotOptions, filters: filterOptions, checkpointModels } };
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
    // a log axis cannot place 0 (e.g. step 0 of a training run, 0 tokens seen): listed, not placed
    if (scale.x === null || scale.x <= 0) {
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
