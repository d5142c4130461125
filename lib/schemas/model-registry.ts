import { z } from "zod";
import { modelSummarySchema } from "./models";
import { scaleFactSchema } from "./number-limits";
import { safeTextSchema } from "./safe-name";

// The /models page: the stored registry with where each fact came from, and the
// token-gated edits (add a model, correct a fact, add an alias).

/** The scale facts an edit can set, by the names the API uses. */
export const SCALE_FACTS = ["parameters", "trainingTokens", "trainingFlops"] as const;
export type ScaleFact = (typeof SCALE_FACTS)[number];

/** A change made on /models with a token; `field` "created" is the model being added. */
export const modelEditSchema = z.object({
  field: z.enum(["created", ...SCALE_FACTS, "alias", "family"]),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  /** the alias added; the family set (null: none) */
  detail: z.string().nullable(),
  reason: z.string(),
  tokenName: z.string(),
  at: z.string(),
});
export type ModelEdit = z.infer<typeof modelEditSchema>;

/**
 * Where one fact's number came from: "edit" (made on /models with a token: `edit` says who, when, why),
 * "upload" (entered with an upload's model mapping), "cited" (the registry files' citation), "file"
 * (stated in the results file itself, for a model the registry does not know), or "unknown".
 */
export const factSourceSchema = z.object({
  kind: z.enum(["edit", "upload", "cited", "file", "unknown"]),
  source: z.string().nullable(),
  edit: modelEditSchema.nullable(),
});
export type FactSource = z.infer<typeof factSourceSchema>;

export const registryModelSchema = modelSummarySchema.extend({
  id: z.number().int(),
  /** null: the family is the registry's, a file's or an upload mapping's; "inferred" from a ladder of names; "edit": set on /models */
  familyOrigin: z.enum(["inferred", "edit"]).nullable(),
  aliases: z.array(z.string()),
  checkpoints: z.number().int(),
  results: z.number().int(),
  sources: z.object({ parameters: factSourceSchema, trainingTokens: factSourceSchema, trainingFlops: factSourceSchema }),
  /** every edit of this model, newest first */
  edits: z.array(modelEditSchema),
});
export type RegistryModelView = z.infer<typeof registryModelSchema>;

export const modelRegistryResponseSchema = z.object({ models: z.array(registryModelSchema), total: z.number().int() });
export type ModelRegistryResponse = z.infer<typeof modelRegistryResponseSchema>;

export const modelIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const modelCheckpointSchema = z.object({
  revision: z.string(),
  step: z.number().int().nullable(),
  tokensSeen: z.number().nullable(),
  isFinal: z.boolean(),
  results: z.number().int(),
});
export const modelCheckpointsResponseSchema = z.object({ model: z.string(), checkpoints: z.array(modelCheckpointSchema) });
export type ModelCheckpointsResponse = z.infer<typeof modelCheckpointsResponseSchema>;

/** A model name or alias as files spell it, under the name rule uploads and the CLI apply too (lib/schemas/safe-name.ts). */
export const modelNameSchema = safeTextSchema(200);
/** Where a number comes from: a citation, a URL, a reason for a correction; shown beside the fact, so under the same rule. */
export const sourceNoteSchema = safeTextSchema(500);

/** A scale fact: unknown is null; a number must be finite and within SCALE_LIMITS (JSON has no NaN, so "NaN" arrives as a string). */
const scaleFact = scaleFactSchema;

export const createModelBodySchema = z
  .object({
    name: modelNameSchema,
    family: modelNameSchema.nullable(),
    parameters: scaleFact.nullable(),
    trainingTokens: scaleFact.nullable(),
    /** null with parameters and tokens known: estimated as 6·N·D and marked so */
    trainingFlops: scaleFact.nullable(),
    source: sourceNoteSchema,
  })
  .strict()
  .refine((m) => m.parameters !== null || m.trainingTokens !== null || m.trainingFlops !== null, {
    message: "give at least one of parameters, trainingTokens, trainingFlops",
    path: ["parameters"],
  });
export type CreateModelBody = z.infer<typeof createModelBodySchema>;

export const correctModelBodySchema = z
  .object({
    parameters: scaleFact.nullable().optional(),
    trainingTokens: scaleFact.nullable().optional(),
    /** null: unknown, or re-estimated as 6·N·D when parameters and tokens are known */
    trainingFlops: scaleFact.nullable().optional(),
    reason: sourceNoteSchema,
  })
  .strict()
  .refine((m) => SCALE_FACTS.some((f) => m[f] !== undefined), {
    message: "give at least one of parameters, trainingTokens, trainingFlops to correct",
    path: ["parameters"],
  });
export type CorrectModelBody = z.infer<typeof correctModelBodySchema>;

/** Puts a model in a family (created when new), or in none (null); a user's family is never inferred over. */
export const setFamilyBodySchema = z.object({ family: modelNameSchema.nullable(), reason: sourceNoteSchema }).strict();
export type SetFamilyBody = z.infer<typeof setFamilyBodySchema>;

export const addAliasBodySchema = z.object({ alias: modelNameSchema, reason: sourceNoteSchema.optional() }).strict();
export type AddAliasBody = z.infer<typeof addAliasBodySchema>;

/** What an edit answers: the model as the page shows it, and how many stored curves were re-analysed. */
export const modelEditResponseSchema = z.object({
  model: registryModelSchema,
  /** task views whose curves the edit moved, re-analysed in the background after the response */
  analysisQueued: z.number().int().nonnegative(),
});
export type ModelEditResponse = z.infer<typeof modelEditResponseSchema>;
