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
 * A version of everything stored: the newest upload, how many there are, and the
 * newest registry edit (a model's scale or family). Any upload, deletion or edit
 * changes it, so a report computed at one version is current as long as the
 * version is. Two index probes and a count of a small table.
 */
export async function getStoreVersion(): Promise<string> {
  const { rows } = await getPool().query<{ newest: number | null; uploads: string; edit: string | null }>(
    "SELECT max(id) AS newest, count(*) AS uploads, (SELECT max(id) FROM model_edit)::text AS edit FROM upload",
  );
  return `${rows[0].newest ?? 0}:${rows[0].uploads}:${rows[0].edit ?? 0}`;
}

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

/** The facts the analysis needs about each of these metrics on the view's task. */
export async function listItemMetrics(taskId: number, metrics: number[]): Promise<ItemMetric[]> {
  const { rows } = await getPool().query<ItemMetric>(
    `SELECT me.id, me.name, COALESCE(tm.higher_is_better, me.higher_is_better) AS "higherIsBetter",
            me.lower_bound AS "lowerBound", me.upper_bound AS "upperBound", me.kind,
            tm.chance AS "taskMetricChance", tm.chance_source AS "taskMetricChanceSource"
     FROM metric me LEFT JOIN task_metric tm ON tm.task_id = $1 AND tm.metric_id = me.id
     WHERE me.id = ANY($2::int[])
     ORDER BY me.name`,
    [taskId, metrics],
  );
  return rows;
}

/** One model's (checkpoint's) scores of the view's items under one metric, as parallel arrays. */
export type ItemColumn = { checkpoint: number; metric: number; keys: string[]; values: (number | null)[] };

/**
 * Every item value of the view for these checkpoints, under every metric the items
 * carry: one scan of the natural key's index ranges, folded into one row per
 * checkpoint and metric whose arrays come as JSON (parsed far faster than 70,000 rows).
 */
export async function listItemColumns(view: ItemView, checkpoints: number[]): Promise<ItemColumn[]> {
  const params: unknown[] = [];
  const { where } = itemCondition(view, checkpoints, params);
  const { rows } = await getPool().query<{ checkpoint: number; metric: number; keys: string; values: string }>(
    `SELECT ri.checkpoint_id AS checkpoint, ri.metric_id AS metric,
            json_agg(${ITEM_KEY})::text AS keys, json_agg(ri.value)::text AS values
     FROM result_item ri
     WHERE ${where}
     GROUP BY ri.checkpoint_id, ri.metric_id`,
    params,
  );
  return rows.map((r) => ({ checkpoint: r.checkpoint, metric: r.metric, keys: JSON.parse(r.keys) as string[], values: JSON.parse(r.values) as (number | null)[] }));
}

export type ItemTexts = { checkpoint: number; keys: string[]; targets: string[]; responses: string[] };

/**
 * The stored targets and responses of the view's items under its metric, one row
 * per checkpoint as parallel JSON arrays: what token edit distance is computed from.
 */
export async function listItemTexts(view: ItemView, checkpoints: number[]): Promise<ItemTexts[]> {
  const params: unknown[] = [];
  const { where } = itemCondition(view, checkpoints, params);
  params.push(view.metricId);
  const { rows } = await getPool().query<{ checkpoint: number; keys: string; targets: string; responses: string }>(
    `SELECT ri.checkpoint_id AS checkpoint, json_agg(${ITEM_KEY})::text AS keys,
            json_agg(ri.target)::text AS targets, json_agg(ri.response)::text AS responses
     FROM result_item ri
     WHERE ${where} AND ri.metric_id = $${params.length} AND ri.target IS NOT NULL AND ri.response IS NOT NULL
     GROUP BY ri.checkpoint_id`,
    params,
  );
  return rows.map((r) => ({ checkpoint: r.checkpoint, keys: JSON.parse(r.keys) as string[], targets: JSON.parse(r.targets) as string[], responses: JSON.parse(r.responses) as string[] }));
}
