import "server-only";
import type pg from "pg";
import { notFound } from "@/lib/errors/app-error";
import { toFactSources, type StoredFacts } from "@/lib/registry/to-fact-sources";
import type { ModelCheckpointsResponse, ModelEdit, ModelRegistryResponse, RegistryModelView } from "@/lib/schemas/model-registry";
import type { ListModelsQuery } from "@/lib/schemas/models";
import { getPool } from "./client";

type Queryable = Pick<pg.Pool, "query">;

type ModelRow = StoredFacts & Omit<RegistryModelView, "sources" | "edits"> & { total: number };
type EditRow = Omit<ModelEdit, "at"> & { modelId: number; at: Date };

const MODELS_SQL = `
  SELECT m.id, m.name, f.name AS family, m.family_origin AS "familyOrigin", m.parameters, m.training_tokens AS "trainingTokens",
         m.training_flops AS "trainingFlops", m.flops_estimated AS "flopsEstimated", m.scale_source AS source,
         m.parameters_source AS "parametersSource", m.tokens_source AS "tokensSource", m.flops_source AS "flopsSource",
         COALESCE((SELECT array_agg(a.alias ORDER BY a.alias) FROM model_alias a WHERE a.model_id = m.id), '{}') AS aliases,
         (SELECT count(*)::int FROM checkpoint c WHERE c.model_id = m.id) AS checkpoints,
         -- from result_count (kept at write time), never a scan of results
         COALESCE((SELECT sum(rc.results)::int FROM result_count rc WHERE rc.model_id = m.id), 0) AS results,
         page.total
  FROM (
    SELECT m.id, count(*) OVER ()::int AS total
    FROM model m LEFT JOIN model_family f ON f.id = m.family_id
    WHERE ($1::int IS NULL OR m.id = $1)
      AND ($2::text IS NULL OR strpos(lower(m.name || ' ' || coalesce(f.name, '')), lower($2)) > 0
           OR EXISTS (SELECT 1 FROM model_alias a WHERE a.model_id = m.id AND strpos(lower(a.alias), lower($2)) > 0))
    ORDER BY f.name NULLS LAST, m.parameters NULLS LAST, m.name
    LIMIT $3 OFFSET $4
  ) page
  JOIN model m ON m.id = page.id
  LEFT JOIN model_family f ON f.id = m.family_id
  ORDER BY f.name NULLS LAST, m.parameters NULLS LAST, m.name`;

const EDITS_SQL = `
  SELECT e.model_id AS "modelId", e.field, e.old_value AS "oldValue", e.new_value AS "newValue", e.detail, e.reason,
         e.token_name AS "tokenName", e.created_at AS at
  FROM model_edit e
  WHERE e.model_id = ANY($1::int[])
  ORDER BY e.created_at DESC, e.id DESC`;

type Page = { id: number | null; q: string | null; limit: number; offset: number };

async function loadModels(db: Queryable, page: Page): Promise<{ models: RegistryModelView[]; total: number }> {
  const models = await db.query<ModelRow>(MODELS_SQL, [page.id, page.q, page.limit, page.offset]);
  const edits = await db.query<EditRow>(EDITS_SQL, [models.rows.map((m) => m.id)]);
  const byModel = new Map<number, ModelEdit[]>();
  for (const { modelId, at, ...edit } of edits.rows) {
    const list = byModel.get(modelId) ?? [];
    list.push({ ...edit, at: at.toISOString() });
    byModel.set(modelId, list);
  }
  const views = models.rows.map(({ parametersSource, tokensSource, flopsSource, ...row }) => {
    const { total, ...model } = row;
    void total;
    const modelEdits = byModel.get(model.id) ?? [];
    return { ...model, sources: toFactSources({ ...model, parametersSource, tokensSource, flopsSource }, modelEdits), edits: modelEdits };
  });
  return { models: views, total: models.rows[0]?.total ?? 0 };
}

/**
 * The stored registry for /models, a page at a time: the models matching the
 * search (name, alias or family) with their aliases, counts, per-fact sources
 * and edit history, and how many match in all.
 */
export function listModelRegistry(query: ListModelsQuery = { limit: 10_000, offset: 0 }): Promise<ModelRegistryResponse> {
  return loadModels(getPool(), { id: null, q: query.q || null, limit: query.limit, offset: query.offset });
}

/** One model as /models shows it; 404 when no model has that id. */
export async function getRegistryModel(id: number, db: Queryable = getPool()): Promise<RegistryModelView> {
  const { models: [model] } = await loadModels(db, { id, q: null, limit: 1, offset: 0 });
  if (!model) throw notFound(`model ${id}`);
  return model;
}

/** A model's checkpoints in training order (unknown steps last), each with how many results it has. */
export async function listModelCheckpoints(id: number): Promise<ModelCheckpointsResponse> {
  const pool = getPool();
  const model = await pool.query<{ name: string }>("SELECT name FROM model WHERE id = $1", [id]);
  if (model.rows.length === 0) throw notFound(`model ${id}`);
  const { rows } = await pool.query<ModelCheckpointsResponse["checkpoints"][number]>(
    `SELECT c.revision, c.step, c.tokens_seen AS "tokensSeen", c.is_final AS "isFinal",
            COALESCE(cc.results, 0) AS results
     FROM checkpoint c LEFT JOIN checkpoint_result_count cc ON cc.checkpoint_id = c.id WHERE c.model_id = $1
     ORDER BY c.step NULLS LAST, c.is_final, c.revision`,
    [id],
  );
  return { model: model.rows[0].name, checkpoints: rows };
}
