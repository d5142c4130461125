import { z } from "zod";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { curvesQuerySchema, curvesResponseSchema } from "@/lib/schemas/curves";
import { healthResponseSchema } from "@/lib/schemas/health";
import { listModelsQuerySchema, listModelsResponseSchema } from "@/lib/schemas/models";
import { overviewQuerySchema, overviewResponseSchema } from "@/lib/schemas/overview";
import { tasksResponseSchema } from "@/lib/schemas/tasks";
import { figureParamsSchema, figureQuerySchema } from "@/lib/schemas/figures";
import {
  createUploadResponseSchema, deleteUploadResponseSchema, listUploadsQuerySchema, listUploadsResponseSchema,
  uploadIdParamsSchema, uploadQuerySchema, uploadResponseSchema,
} from "@/lib/schemas/uploads";

/** One route as the API documents it: the same zod schemas the handlers validate with. */
export type RouteDoc = {
  method: "get" | "post" | "delete";
  path: string;
  summary: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** request body media types, for writes */
  body?: string[];
  write?: boolean;
  /** a JSON body by its schema, or files by their media types */
  responses: Record<number, { description: string; schema: z.ZodType } | { description: string; files: string[] }>;
};

const error = (description: string) => ({ description, schema: apiErrorSchema });
const noQuery = z.object({});

export const ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/health", summary: "Whether the database answers, and which kind serves the app", query: noQuery,
    responses: { 200: { description: "health", schema: healthResponseSchema } } },
  { method: "get", path: "/api/tasks", summary: "Every task with results, its metrics, counts and verdicts", query: noQuery,
    responses: { 200: { description: "tasks", schema: tasksResponseSchema } } },
  { method: "get", path: "/api/curves", summary: "One task view's curves: a series per family on a log scale axis", query: curvesQuerySchema,
    responses: { 200: { description: "curves", schema: curvesResponseSchema }, 400: error("a bad query parameter, named"), 404: error("unknown task, metric or shots") } },
  { method: "get", path: "/api/analysis", summary: "The stored emergence analysis of each family on one task view", query: curvesQuerySchema,
    responses: { 200: { description: "analyses", schema: analysisResponseSchema }, 400: error("a bad query parameter, named"), 404: error("unknown task, metric or shots") } },
  { method: "get", path: "/api/figures/{file}", summary: "A task view's figure for papers (file = <task>.svg|png|pdf), the data behind it (.csv|.json) or its caption and citation (.txt), as an attachment", query: figureQuerySchema, params: figureParamsSchema,
    responses: {
      200: { description: "the figure or its data", files: ["image/svg+xml", "image/png", "application/pdf", "text/csv", "application/json", "text/plain"] },
      400: error("a bad query or path parameter, named"), 404: error("unknown task, metric, shots or family"),
      422: error("nothing to plot on this view (zero points, or no result has a scale on this axis)"),
    } },
  { method: "get", path: "/api/overview", summary: "Every stored curve ranked by evidence of emergence, with facets", query: overviewQuerySchema,
    responses: { 200: { description: "ranked curves", schema: overviewResponseSchema }, 400: error("a bad query parameter, named") } },
  { method: "get", path: "/api/models", summary: "The model registry as stored: name, family, parameters, tokens, FLOPs (estimates marked), source", query: listModelsQuerySchema,
    responses: { 200: { description: "models", schema: listModelsResponseSchema } } },
  { method: "get", path: "/api/uploads", summary: "Upload history with provenance", query: listUploadsQuerySchema,
    responses: { 200: { description: "uploads", schema: listUploadsResponseSchema } } },
  { method: "post", path: "/api/uploads", summary: "Upload result files (raw JSON/CSV body or multipart, with an optional `models` field mapping unknown models); ?dryRun=1 previews", query: uploadQuerySchema,
    body: ["application/json", "text/csv", "multipart/form-data"], write: true,
    responses: {
      201: { description: "stored", schema: createUploadResponseSchema },
      200: { description: "already uploaded (same bytes), or the dry-run preview", schema: createUploadResponseSchema },
      400: error("malformed content: bad UTF-8, JSON position, forbidden keys, nesting"),
      401: error("missing, wrong or revoked token"), 403: error("cross-site request"),
      413: error("body over the limit"), 415: error("unsupported content type"),
      422: error("a value, name or row rejected: file, row and field named"), 429: error("too many uploads; see Retry-After"),
      503: error("database unavailable; nothing stored"),
    } },
  { method: "get", path: "/api/uploads/{id}", summary: "One upload with provenance", query: noQuery, params: uploadIdParamsSchema,
    responses: { 200: { description: "upload", schema: uploadResponseSchema }, 404: error("no such upload") } },
  { method: "delete", path: "/api/uploads/{id}", summary: "Remove exactly that upload's results, in one transaction", query: noQuery, params: uploadIdParamsSchema, write: true,
    responses: { 200: { description: "deleted", schema: deleteUploadResponseSchema }, 401: error("missing, wrong or revoked token"), 404: error("no such upload") } },
];
