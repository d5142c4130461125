import "server-only";
import { getPrisma } from "./client";
import { notFound } from "@/lib/api/app-error";
import type { CurvePoint, CurvesQuery, CurvesResponse, ScaleAxis } from "@/lib/schemas/curves";
import { pickDefaultMetric, pickDefaultShots } from "@/lib/charts/pick-defaults";
import { chanceForMetric } from "@/lib/emergence/chance-for-metric";

type TaskRow = { id: number; name: string; suite: string | null; chance: number | null; chance_source: string | null };
type MetricRow = {
  id: number;
  name: string;
  higher_is_better: boolean | null;
  lower_bound: number | null;
  upper_bound: number | null;
};
type PointRow = {
  model: string;
  family: string | null;
  parameters: number | null;
  training_tokens: number | null;
  training_flops: number | null;
  flops_estimated: boolean;
  value: number;
  stderr: number | null;
  n: number | null;
  upload_id: number | null;
  file_name: string | null;
};

const NO_FAMILY = "(no family)";

function scaleOf(row: PointRow, x: ScaleAxis): { x: number | null; estimated: boolean } {
  if (x === "params") return { x: row.parameters, estimated: false };
  if (x === "tokens") return { x: row.training_tokens, estimated: false };
  return { x: row.training_flops, estimated: row.flops_estimated };
}

export type TaskView = {
  task: TaskRow;
  metric: MetricRow;
  shots: number | null;
  options: { metrics: string[]; shots: (number | null)[] };
};

/**
 * The task view a query names, with defaults filled in (metric: acc first;
 * shots: the fewest available). 404 for a task, metric or shots without results.
 */
export async function resolveTaskView(query: CurvesQuery): Promise<TaskView> {
  const prisma = getPrisma();
  const [task] = await prisma.$queryRaw<TaskRow[]>`
    SELECT id, name, suite, chance, chance_source FROM task WHERE name = ${query.task}`;
  if (!task) throw notFound(`task "${query.task}"`);

  const metrics = await prisma.$queryRaw<MetricRow[]>`
    SELECT DISTINCT me.id, me.name, me.higher_is_better, me.lower_bound, me.upper_bound
    FROM metric me JOIN result r ON r.metric_id = me.id WHERE r.task_id = ${task.id} ORDER BY me.name`;
  const metricName = query.metric ?? pickDefaultMetric(metrics.map((m) => m.name));
  const metric = metrics.find((m) => m.name === metricName);
  if (!metric) throw notFound(`metric "${metricName}" for task "${task.name}"`);

  const shotRows = await prisma.$queryRaw<{ shots: number | null }[]>`
    SELECT DISTINCT shots FROM result WHERE task_id = ${task.id} AND metric_id = ${metric.id}
    ORDER BY shots NULLS LAST`;
  const shotOptions = shotRows.map((s) => s.shots);
  const shots = query.shots === undefined ? pickDefaultShots(shotOptions) : query.shots === "unknown" ? null : query.shots;
  if (!shotOptions.includes(shots)) throw notFound(`${shots ?? "unknown"}-shot results for "${task.name}" / ${metric.name}`);
  return { task, metric, shots, options: { metrics: metrics.map((m) => m.name), shots: shotOptions } };
}

/**
 * One task's scale curves: the final checkpoint of every model, grouped by family,
 * placed on the chosen scale axis. Models without that scale are listed, not placed.
 */
export async function getCurves(query: CurvesQuery): Promise<CurvesResponse> {
  const prisma = getPrisma();
  const { task, metric, shots, options } = await resolveTaskView(query);
  const rows = await prisma.$queryRaw<PointRow[]>`
    SELECT m.name AS model, f.name AS family, m.parameters, m.training_tokens, m.training_flops,
           m.flops_estimated, r.value, r.stderr, r.n, r.upload_id, u.file_name
    FROM result r
    JOIN checkpoint c ON c.id = r.checkpoint_id AND c.is_final
    JOIN model m ON m.id = c.model_id
    LEFT JOIN model_family f ON f.id = m.family_id
    LEFT JOIN upload u ON u.id = r.upload_id
    WHERE r.task_id = ${task.id} AND r.metric_id = ${metric.id} AND r.shots IS NOT DISTINCT FROM ${shots}::int
    ORDER BY f.name NULLS LAST, m.name`;

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
    x: query.x,
    chance: chanceForMetric(task.chance, {
      higherIsBetter: metric.higher_is_better, lowerBound: metric.lower_bound, upperBound: metric.upper_bound,
    }),
    options,
    series: [...byFamily].map(([family, points]) => ({ family, points: points.sort((a, b) => a.x - b.x) })),
    unplaced,
  };
}
