import "server-only";
import { getPool } from "./client";
import { shotsCondition } from "./shots-condition";

/** One task view's items, as lib/db/curves resolves it. */
export type ItemView = { taskId: number; metricId: number; shots: number | null; filter: string };

export type FamilyCheckpoint = {
  model: string;
  checkpoint: number;
  parameters: number | null;
  trainingTokens: number | null;
  trainingFlops: number | null;
  /** the stored aggregate of the view's metric (what the results file reported); null without one */
  reported: number | null;
};

/**
 * The families with items on a view, the most models with items first: one index
 * probe into result_item per final result of the view.
 */
export async function listItemFamilies(view: ItemView): Promise<string[]> {
  const params: unknown[] = [view.taskId, view.metricId, view.filter];
  const shots = shotsCondition("r.shots", view.shots, params);
  const { rows } = await getPool().query<{ family: string }>(
    `SELECT f.name AS family
     FROM result r
     JOIN checkpoint c ON c.id = r.checkpoint_id AND c.is_final
     JOIN model m ON m.id = c.model_id
     JOIN model_family f ON f.id = m.family_id
     WHERE r.task_id = $1 AND r.metric_id = $2 AND r.filter = $3 AND ${shots}
       AND EXISTS (SELECT 1 FROM result_item ri WHERE ri.checkpoint_id = r.checkpoint_id AND ri.task_id = r.task_id
                   AND ri.metric_id = r.metric_id AND ri.shots IS NOT DISTINCT FROM r.shots AND ri.filter = r.filter)
     GROUP BY f.name
     ORDER BY count(*) DESC, f.name`,
    params,
  );
  return rows.map((r) => r.family);
}

/** The final checkpoint of every model of a family, with its scale and the view's stored aggregate. */
export async function listFamilyCheckpoints(view: ItemView, family: string): Promise<FamilyCheckpoint[]> {
  const params: unknown[] = [family, view.taskId, view.metricId, view.filter];
  const shots = shotsCondition("r.shots", view.shots, params);
  const { rows } = await getPool().query<FamilyCheckpoint>(
    `SELECT m.name AS model, c.id AS checkpoint, m.parameters, m.training_tokens AS "trainingTokens",
            m.training_flops AS "trainingFlops", r.value AS reported
     FROM model_family f
     JOIN model m ON m.family_id = f.id
     JOIN checkpoint c ON c.model_id = m.id AND c.is_final
     LEFT JOIN result r ON r.checkpoint_id = c.id AND r.task_id = $2 AND r.metric_id = $3 AND r.filter = $4 AND ${shots}
     WHERE f.name = $1
     ORDER BY m.name`,
    params,
  );
  return rows;
}

export type ItemMetric = {
  id: number;
  name: string;
  higherIsBetter: boolean | null;
  lowerBound: number | null;
  upperBound: number | null;
  kind: string | null;
  taskMetricChance: number | null;
  taskMetricChanceSource: string | null;
};

/** A stored item value: one model's (checkpoint's) score of one item under one metric. */
export type ItemValueRow = { checkpoint: number; metric: number; key: string; value: number | null };

/** An item's identity across models: lm-eval's doc_id (else its doc_hash), and the epoch when items repeat. */
const ITEM_KEY = "COALESCE(ri.doc_id, ri.doc_hash, '') || COALESCE('#' || ri.epoch, '')";

/** The view's condition on result_item ri, and the placeholder of its task id. */
function itemCondition(view: Omit<ItemView, "metricId">, checkpoints: number[], params: unknown[]): { where: string; task: string } {
  params.push(checkpoints, view.taskId, view.filter);
  const n = params.length;
  // the natural key's prefix (checkpoint, task, metric, shots, filter): an index range per checkpoint
  const where = `ri.checkpoint_id = ANY($${n - 2}::int[]) AND ri.task_id = $${n - 1} AND ri.filter = $${n} AND ${shotsCondition("ri.shots", view.shots, params)}`;
  return { where, task: `$${n - 1}` };
}

/** The metrics the view's items carry for these checkpoints, with what the analysis needs about each. */
export async function listItemMetrics(view: ItemView, checkpoints: number[]): Promise<ItemMetric[]> {
  const params: unknown[] = [];
  const { where, task } = itemCondition(view, checkpoints, params);
  const { rows } = await getPool().query<ItemMetric>(
    `SELECT me.id, me.name, COALESCE(tm.higher_is_better, me.higher_is_better) AS "higherIsBetter",
            me.lower_bound AS "lowerBound", me.upper_bound AS "upperBound", me.kind,
            tm.chance AS "taskMetricChance", tm.chance_source AS "taskMetricChanceSource"
     FROM metric me LEFT JOIN task_metric tm ON tm.task_id = ${task} AND tm.metric_id = me.id
     WHERE me.id IN (SELECT DISTINCT ri.metric_id FROM result_item ri WHERE ${where})
     ORDER BY me.name`,
    params,
  );
  return rows;
}

/** Every item value of the view under the given metrics, for these checkpoints: one pass, rows by item. */
export async function listItemValues(view: ItemView, checkpoints: number[], metrics: number[]): Promise<ItemValueRow[]> {
  const params: unknown[] = [];
  const { where } = itemCondition(view, checkpoints, params);
  params.push(metrics);
  const { rows } = await getPool().query<ItemValueRow>(
    `SELECT ri.checkpoint_id AS checkpoint, ri.metric_id AS metric, ${ITEM_KEY} AS key, ri.value
     FROM result_item ri
     WHERE ${where} AND ri.metric_id = ANY($${params.length}::int[])`,
    params,
  );
  return rows;
}

export type ItemTextRow = { checkpoint: number; key: string; target: string | null; response: string | null };

/** The stored targets and responses of the view's items under one metric: what token edit distance is computed from. */
export async function listItemTexts(view: ItemView, checkpoints: number[]): Promise<ItemTextRow[]> {
  const params: unknown[] = [];
  const { where } = itemCondition(view, checkpoints, params);
  params.push(view.metricId);
  const { rows } = await getPool().query<ItemTextRow>(
    `SELECT ri.checkpoint_id AS checkpoint, ${ITEM_KEY} AS key, ri.target, ri.response
     FROM result_item ri
     WHERE ${where} AND ri.metric_id = $${params.length} AND ri.target IS NOT NULL AND ri.response IS NOT NULL`,
    params,
  );
  return rows;
}
