import { z } from "zod";
import { scaleFactSchema } from "./number-limits";
import { safeTextSchema } from "./safe-name";

// The upload API's shapes: POST /api/uploads answers, the upload list and detail.

/** What an ingest did with a file's rows: skipped = already stored with the same numbers. */
export const ingestCountsSchema = z.object({
  parsed: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
});

export const uploadSummarySchema = ingestCountsSchema.extend({
  files: z.number().int(),
  /** item rows stored (one per item and metric: lm-eval samples, HELM per-instance stats, Inspect samples) */
  items: z.number().int().default(0),
  unknownScaleModels: z.array(z.string()),
  errors: z.array(z.object({ file: z.string(), error: z.string() })),
});
export type UploadSummary = z.infer<typeof uploadSummarySchema>;

export const uploadQuerySchema = z.object({
  name: z.string().max(1000).optional(),
  note: z.string().max(2000).optional(),
  dryRun: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
});

/** An Idempotency-Key header: what a client retrying POST /api/uploads sends to get the first answer, not a second upload. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, "must be 1-255 visible ASCII characters (a UUID, say)");

/** A model as the preview shows it: scale null when nothing places it on any axis. */
export const previewModelSchema = z.object({
  name: z.string(),
  family: z.string().nullable(),
  scale: z
    .object({
      parameters: z.number().nullable(),
      trainingTokens: z.number().nullable(),
      trainingFlops: z.number().nullable(),
      flopsEstimated: z.boolean(),
    })
    .nullable(),
});

export const filePreviewSchema = ingestCountsSchema.extend({
  fileName: z.string(),
  sha256: z.string(),
  ok: z.boolean(),
  format: z.string().nullable(),
  alreadyUploaded: z.boolean(),
  missingValues: z.number().int(),
  models: z.array(previewModelSchema),
  tasks: z.array(z.string()),
  metrics: z.array(z.string()),
  shots: z.array(z.number().int().nullable()),
  /** what would stop the file, naming its line or key */
  problems: z.array(z.string()),
});
export type FilePreview = z.infer<typeof filePreviewSchema>;

/** task views queued for re-analysis; their verdicts are stored in the background after the response */
const analysisQueued = z.number().int().nonnegative();

export const createUploadResponseSchema = z.union([
  z.object({ uploadId: z.number().int(), alreadyUploaded: z.boolean(), summary: uploadSummarySchema, analysisQueued }),
  z.object({ uploadIds: z.array(z.number().int()), alreadyUploaded: z.boolean(), summary: uploadSummarySchema, analysisQueued }),
  z.object({ dryRun: z.literal(true), summary: uploadSummarySchema, files: z.array(filePreviewSchema) }),
]);
export type CreateUploadResponse = z.infer<typeof createUploadResponseSchema>;

export const uploadRecordSchema = ingestCountsSchema.extend({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  format: z.string(),
  /** the token that made the upload; null for the CLI and the demo seed, or when hidden from this reader */
  tokenName: z.string().nullable(),
  /** true when a token made the upload but its name is shown to token holders only (an anonymous read) */
  tokenHidden: z.boolean(),
  createdAt: z.string(),
  note: z.string().nullable(),
  /** results whose stored value currently comes from this upload */
  results: z.number().int(),
});
export type UploadRecord = z.infer<typeof uploadRecordSchema>;

export const listUploadsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The upload history page's URL: `/uploads?page=2` (1-based). */
export const uploadsPageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

export const listUploadsResponseSchema = z.object({ uploads: z.array(uploadRecordSchema), total: z.number().int() });

export const uploadIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const uploadResponseSchema = z.object({
  upload: uploadRecordSchema.extend({ tasks: z.array(z.string()) }),
});

export const deleteUploadResponseSchema = z.object({
  deleted: z.object({
    id: z.number().int(),
    /** results whose stored value came from the upload, removed */
    results: z.number().int(),
    /** of those, values an earlier upload had stored and this one replaced, brought back */
    restored: z.number().int(),
  }),
  analysisQueued,
});
export type DeleteUploadResponse = z.infer<typeof deleteUploadResponseSchema>;

/** A model name as the file spells it, or a stored model's: the name rule of lib/schemas/safe-name.ts. */
const mappingName = safeTextSchema(200);
const scaleFact = scaleFactSchema.nullable();

/**
 * How the uploader placed a model the registry does not know, sent with the
 * commit (multipart field `models`, a JSON array): an alias of a stored model,
 * or scale facts they supply (stored as user-supplied, replacing what is stored).
 */
export const modelMappingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("alias"), name: mappingName, model: mappingName }),
  z
    .object({
      kind: z.literal("scale"),
      name: mappingName,
      family: mappingName.nullable(),
      parameters: scaleFact,
      tokens: scaleFact,
      flops: scaleFact,
    })
    .refine((m) => m.parameters !== null || m.tokens !== null || m.flops !== null, {
      message: "give at least one of parameters, tokens, flops",
      path: ["parameters"],
    }),
]);
export type ModelMapping = z.infer<typeof modelMappingSchema>;

export const modelMappingsSchema = z.array(modelMappingSchema).max(500);
