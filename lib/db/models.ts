import "server-only";
import { getPool } from "./client";
import type { RegistryModel } from "@/lib/ingest/plan-types";

/**
 * Every stored model with its aliases, as the registry lookup describes them:
 * what earlier uploads and mappings put in the registry, for an upload to resolve against.
 */
export async function listRegistryModels(): Promise<RegistryModel[]> {
  const { rows } = await getPool().query<RegistryModel>(
    `SELECT m.name, f.name AS family, m.parameters, m.training_tokens AS "trainingTokens",
            m.training_flops AS "trainingFlops", m.flops_estimated AS "flopsEstimated",
            m.tokens_per_step AS "tokensPerStep", m.final_step AS "finalStep", m.scale_source AS source,
            COALESCE((SELECT array_agg(a.alias ORDER BY a.alias) FROM model_alias a WHERE a.model_id = m.id), '{}') AS aliases
     FROM model m LEFT JOIN model_family f ON f.id = m.family_id`,
  );
  return rows;
}
