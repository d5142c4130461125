import "server-only";
import type pg from "pg";
import { toFamilyKey } from "@/lib/registry/family-key";
import { planFamilies, type KeyMember } from "@/lib/registry/plan-families";
import { enqueueAnalysis } from "./analysis-queue";
import type { CurveGroup } from "./view-rows";

/** The task views with results of these models: the curves a change of their family moves. */
export async function viewsOfModels(client: pg.PoolClient, modelIds: number[]): Promise<CurveGroup[]> {
  if (modelIds.length === 0) return [];
  const { rows } = await client.query<CurveGroup>(
    `SELECT DISTINCT r.task_id AS "taskId", r.metric_id AS "metricId", r.shots, r.filter
     FROM result r JOIN checkpoint c ON c.id = r.checkpoint_id WHERE c.model_id = ANY($1::int[])`,
    [modelIds],
  );
  return rows;
}

/** Sets families by id (null: none), creating the families named; inferred ones are marked so. */
export async function setFamilies(client: pg.PoolClient, changes: Array<{ id: number; family: string | null }>, origin: "inferred" | "edit") {
  const names = [...new Set(changes.flatMap((c) => (c.family === null ? [] : [c.family])))];
  await client.query("INSERT INTO model_family (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", [names]);
  await client.query(
    `UPDATE model SET family_id = f.id, family_origin = CASE WHEN $3::text = 'edit' OR u.family IS NOT NULL THEN $3::text END
     FROM unnest($1::int[], $2::text[]) AS u(id, family) LEFT JOIN model_family f ON f.name = u.family
     WHERE model.id = u.id`,
    [changes.map((c) => c.id), changes.map((c) => c.family), origin],
  );
}

/** A stored model and how a file spelled it (a hub id such as `EleutherAI/pythia-70m` for the registry's `pythia-70m`). */
export type SpelledModel = { name: string; spelling: string };

/**
 * After a file's models are stored: records their family keys (from the
 * file's spelling when it is a hub id, so the registry's short names meet the
 * ids researchers use; a hub id's key, once set, stays), infers the families of the
 * ladders they belong to (see planFamilies), and queues the curves of every
 * model whose family moved, in the caller's transaction. Returns those views.
 */
export async function inferFamilies(client: pg.PoolClient, models: SpelledModel[]): Promise<CurveGroup[]> {
  const keyOf = (m: SpelledModel) => (m.spelling.includes("/") ? toFamilyKey(m.spelling) : null) ?? toFamilyKey(m.name);
  const { rows: keyed } = await client.query<{ key: string }>(
    `UPDATE model SET family_key = CASE
       WHEN model.family_key IS NULL OR (strpos(model.family_key, '/') = 0 AND strpos(u.key, '/') > 0) THEN u.key ELSE model.family_key END
     FROM unnest($1::text[], $2::text[]) AS u(name, key)
     WHERE model.name = u.name AND u.key IS NOT NULL RETURNING model.family_key AS key`,
    [models.map((m) => m.name), models.map(keyOf)],
  );
  const touchedKeys = [...new Set(keyed.map((r) => r.key))];
  if (touchedKeys.length === 0) return [];
  const { rows } = await client.query<KeyMember>(
    `SELECT m.id, m.family_key AS key, f.name AS family, m.family_origin AS origin
     FROM model m LEFT JOIN model_family f ON f.id = m.family_id WHERE m.family_key = ANY($1::text[]) ORDER BY m.id`,
    [touchedKeys],
  );
  const changes = planFamilies(rows);
  if (changes.length === 0) return [];
  await setFamilies(client, changes, "inferred");
  const moved = await viewsOfModels(client, changes.map((c) => c.id));
  await enqueueAnalysis(client, moved);
  return moved;
}
