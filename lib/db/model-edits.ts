import "server-only";
import type pg from "pg";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { AuthenticatedToken } from "@/lib/auth/authenticated-token";
import { planFactChanges, toNewModelFacts, type FactChange, type ScaleFacts } from "@/lib/registry/plan-fact-changes";
import { SCALE_FACTS, type AddAliasBody, type CorrectModelBody, type CreateModelBody, type SetFamilyBody } from "@/lib/schemas/model-registry";
import type { CurveGroup } from "./view-rows";
import { enqueueAnalysis } from "@/lib/db/analysis-queue";
import { setFamilies, viewsOfModels } from "./model-families";
import { withTransaction } from "./with-transaction";

/** What an edit committed: the model it changed, and the task views whose curves its new facts move. */
export type EditOutcome = { modelId: number; touched: CurveGroup[] };

/**
 * One edit in one transaction. `atlas.model_edit` tells the model_fact_sources
 * trigger that this transaction writes each fact's source itself.
 */
function inEditTransaction<T>(work: (client: pg.PoolClient) => Promise<T>, signal?: AbortSignal): Promise<T> {
  return withTransaction(work, { setup: ["SELECT set_config('atlas.model_edit', 'on', true)"], signal });
}

const conflict = (field: string, message: string) => new AppError(409, "conflict", `${field}: ${message}`);

/** The model a name or alias already denotes (case-insensitively, as uploads resolve names), if any. */
async function ownerOf(client: pg.PoolClient, name: string): Promise<{ id: number; name: string } | null> {
  const { rows } = await client.query<{ id: number; name: string }>(
    `SELECT id, name FROM model WHERE lower(name) = lower($1)
     UNION SELECT m.id, m.name FROM model_alias a JOIN model m ON m.id = a.model_id WHERE lower(a.alias) = lower($1)
     LIMIT 1`,
    [name],
  );
  return rows[0] ?? null;
}

async function recordEdit(client: pg.PoolClient, modelId: number, token: AuthenticatedToken, edit: { field: string; oldValue?: number | null; newValue?: number | null; detail?: string | null; reason: string }) {
  await client.query(
    `INSERT INTO model_edit (model_id, field, old_value, new_value, detail, reason, token_id, token_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [modelId, edit.field, edit.oldValue ?? null, edit.newValue ?? null, edit.detail ?? null, edit.reason, token.id, token.name],
  );
}

/** Adds a model the registry lacks, its facts sourced to the note given; FLOPs estimated from 6·N·D when not given. */
export function createModel(body: CreateModelBody, token: AuthenticatedToken, signal?: AbortSignal): Promise<EditOutcome> {
  return inEditTransaction(async (client) => {
    const owner = await ownerOf(client, body.name);
    if (owner) throw conflict("name", `${JSON.stringify(body.name)} already names model ${JSON.stringify(owner.name)}`);
    let familyId: number | null = null;
    if (body.family !== null) {
      await client.query("INSERT INTO model_family (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", [body.family]);
      familyId = (await client.query<{ id: number }>("SELECT id FROM model_family WHERE name = $1", [body.family])).rows[0].id;
    }
    const facts = toNewModelFacts(body);
    const sourceOf = (value: number | null) => (value === null ? null : body.source);
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO model (name, family_id, parameters, training_tokens, training_flops, flops_estimated, scale_source,
                          parameters_source, tokens_source, flops_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [body.name, familyId, facts.parameters, facts.trainingTokens, facts.trainingFlops, facts.flopsEstimated, body.source,
        sourceOf(facts.parameters), sourceOf(facts.trainingTokens), sourceOf(facts.trainingFlops)],
    );
    await recordEdit(client, rows[0].id, token, { field: "created", reason: body.source });
    return { modelId: rows[0].id, touched: [] };
  }, signal);
}

/** The facts a correction records: every fact whose number changed, and every fact named in it (a new source for the same number). */
function toRecordedChanges(current: ScaleFacts, body: CorrectModelBody, changes: FactChange[]): FactChange[] {
  const named = SCALE_FACTS.filter((f) => body[f] !== undefined && !changes.some((c) => c.field === f));
  return [...changes, ...named.map((field) => ({ field, oldValue: current[field], newValue: current[field] }))];
}

/** Corrects a stored model's facts; the task views with results of its checkpoints are queued for re-analysis and returned as touched. */
export function correctModel(id: number, body: CorrectModelBody, token: AuthenticatedToken, signal?: AbortSignal): Promise<EditOutcome> {
  return inEditTransaction(async (client) => {
    const { rows } = await client.query<ScaleFacts>(
      `SELECT parameters, training_tokens AS "trainingTokens", training_flops AS "trainingFlops", flops_estimated AS "flopsEstimated"
       FROM model WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (rows.length === 0) throw notFound(`model ${id}`);
    const { next, changes } = planFactChanges(rows[0], body);
    const recorded = toRecordedChanges(rows[0], body, changes);
    const sourced = (field: string) => recorded.some((c) => c.field === field);
    await client.query(
      `UPDATE model SET parameters = $2, training_tokens = $3, training_flops = $4, flops_estimated = $5,
         parameters_source = CASE WHEN $6 THEN $9 ELSE parameters_source END,
         tokens_source = CASE WHEN $7 THEN $9 ELSE tokens_source END,
         flops_source = CASE WHEN $8 THEN $9 ELSE flops_source END
       WHERE id = $1`,
      [id, next.parameters, next.trainingTokens, next.trainingFlops, next.flopsEstimated,
        sourced("parameters"), sourced("trainingTokens"), sourced("trainingFlops"), body.reason],
    );
    for (const change of recorded) await recordEdit(client, id, token, { ...change, reason: body.reason });
    if (changes.length === 0) return { modelId: id, touched: [] };
    const touched = await client.query<CurveGroup>(
      `SELECT DISTINCT task_id AS "taskId", metric_id AS "metricId", shots, filter FROM result_count WHERE model_id = $1`,
      [id],
    );
    await enqueueAnalysis(client, touched.rows);
    return { modelId: id, touched: touched.rows };
  }, signal);
}

/** Adds a spelling under which later uploads find this model; 409 when it already denotes a model. */
export function addAlias(id: number, body: AddAliasBody, token: AuthenticatedToken, signal?: AbortSignal): Promise<EditOutcome> {
  return inEditTransaction(async (client) => {
    const target = await client.query<{ name: string }>("SELECT name FROM model WHERE id = $1 FOR UPDATE", [id]);
    if (target.rows.length === 0) throw notFound(`model ${id}`);
    const owner = await ownerOf(client, body.alias);
    if (owner) {
      const whose = owner.id === id ? "this model" : `model ${JSON.stringify(owner.name)}`;
      throw conflict("alias", `${JSON.stringify(body.alias)} already names ${whose}`);
    }
    await client.query("INSERT INTO model_alias (alias, model_id) VALUES ($1, $2)", [body.alias, id]);
    await recordEdit(client, id, token, { field: "alias", detail: body.alias, reason: body.reason ?? "alias added" });
    return { modelId: id, touched: [] };
  }, signal);
}

/**
 * Puts a model in a family (or none), overriding whatever the registry, a file
 * or an inference said; the family is never inferred over again. The model's
 * curves move from one family's view to another's: they are queued.
 */
export function setModelFamily(id: number, body: SetFamilyBody, token: AuthenticatedToken, signal?: AbortSignal): Promise<EditOutcome> {
  return inEditTransaction(async (client) => {
    const { rows } = await client.query<{ family: string | null; origin: string | null }>(
      `SELECT f.name AS family, m.family_origin AS origin FROM model m LEFT JOIN model_family f ON f.id = m.family_id WHERE m.id = $1 FOR UPDATE OF m`,
      [id],
    );
    if (rows.length === 0) throw notFound(`model ${id}`);
    await setFamilies(client, [{ id, family: body.family }], "edit");
    await recordEdit(client, id, token, { field: "family", detail: body.family, reason: body.reason });
    if (rows[0].family === body.family) return { modelId: id, touched: [] };
    const touched = await viewsOfModels(client, [id]);
    await enqueueAnalysis(client, touched);
    return { modelId: id, touched };
  }, signal);
}
