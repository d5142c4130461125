import { z } from "zod";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import { comparisonQuerySchema, comparisonResponseSchema } from "@/lib/schemas/comparison";
import { itemsQuerySchema, itemsResponseSchema } from "@/lib/schemas/items";
import { forecastQuerySchema, forecastResponseSchema } from "@/lib/schemas/forecast";
import { pooledQuerySchema, pooledResponseSchema } from "@/lib/schemas/pooled";
import { lossQuerySchema, lossResponseSchema } from "@/lib/schemas/loss-axis";
import { apiErrorSchema } from "@/lib/schemas/api-error";
import { curvesQuerySchema, curvesResponseSchema } from "@/lib/schemas/curves";
import { healthResponseSchema } from "@/lib/schemas/health";
import { listModelsQuerySchema } from "@/lib/schemas/models";
import {
  addAliasBodySchema, correctModelBodySchema, createModelBodySchema, modelCheckpointsResponseSchema, modelEditResponseSchema,
  modelIdParamsSchema, modelRegistryResponseSchema, registryModelSchema, setFamilyBodySchema,
} from "@/lib/schemas/model-registry";
import { overviewQuerySchema, overviewResponseSchema } from "@/lib/schemas/overview";
import { tasksResponseSchema } from "@/lib/schemas/tasks";
import { figureParamsSchema, figureQuerySchema } from "@/lib/schemas/figures";
import { auditReportQuerySchema } from "@/lib/schemas/audit";
import {
  createUploadResponseSchema, deleteUploadResponseSchema, listUploadsQuerySchema, listUploadsResponseSchema,
  uploadIdParamsSchema, uploadQuerySchema, uploadResponseSchema,
} from "@/lib/schemas/uploads";

/** One route as the API documents it: the same zod schemas the handlers validate with. */
export type RouteDoc = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** request body media types, for writes */
  body?: string[];
  /** the JSON body's schema, when the body is JSON the handler validates */
  bodySchema?: z.ZodType;
  write?: boolean;
  /** a JSON body by its schema, or files by their media types */
  responses: Record<number, { description: string; schema: z.ZodType } | { description: string; files: string[] }>;
};

const error = (description: string) => ({ description, schema: apiErrorSchema });
const noQuery = z.object({});
const EDIT_ERRORS = {
  400: error("the body is not JSON"), 401: error("missing, wrong or revoked token"), 403: error("cross-site request"),
  422: error("a field rejected, named"), 429: error("too many edits; see Retry-After"),
};

const DOCUMENTED: RouteDoc[] = [
  { method: "get", path: "/api/health", summary: "Whether the database answers, and which kind serves the app", query: noQuery,
    responses: { 200: { description: "health", schema: healthResponseSchema }, 503: { description: "the database does not answer, with the reason", schema: healthResponseSchema } } },
  { method: "get", path: "/api/tasks", summary: "Every task with results, its metrics, counts and verdicts", query: noQuery,
    responses: { 200: { description: "tasks", schema: tasksResponseSchema } } },
  { method: "get", path: "/api/curves", summary: "One task view's curves: a series per family on a log scale axis", query: curvesQuerySchema,
    responses: { 200: { description: "curves", schema: curvesResponseSchema }, 400: error("a bad query parameter, named"), 404: error("unknown task, metric, shots or filter") } },
  { method: "get", path: "/api/analysis", summary: "The stored emergence analysis of each family on one task view", query: curvesQuerySchema,
    responses: { 200: { description: "analyses", schema: analysisResponseSchema }, 400: error("a bad query parameter, named"), 404: error("unknown task, metric or shots") } },
  { method: "get", path: "/api/comparison", summary: "The mirage test: each family's verdict under every metric of a task, over the models scored under all of them", query: comparisonQuerySchema,
    responses: { 200: { description: "verdicts by metric", schema: comparisonResponseSchema }, 400: error("a bad query parameter, named"), 404: error("unknown task, metric or shots") } },
  { method: "get", path: "/api/items", summary: "One family's items on a task view: the flip map (bins, step shares, a page of rows), exact McNemar tests between adjacent sizes, item-bootstrap intervals, and the mirage test on the same items", query: itemsQuerySchema,
    responses: {
      200: { description: "items", schema: itemsResponseSchema }, 400: error("a bad query parameter, named"),
      404: error("unknown task, metric, shots or filter, or no items of the family on it"), 503: error("the mirage test could not be computed in its time budget"),
    } },
  { method: "get", path: "/api/forecast", summary: "Forecasts of one task view: each family fitted below a cutoff, the larger sizes forecast with a prediction band against what was measured, and when the forecast reaches a level", query: forecastQuerySchema,
    responses: {
      200: { description: "forecasts", schema: forecastResponseSchema }, 400: error("a bad query parameter, named"), 404: error("unknown task, metric, shots or filter"),
      422: error("no result of the view has a scale on this axis"), 503: error("the forecast could not be computed in its time budget"),
    } },
  { method: "get", path: "/api/pooled", summary: "One task view's families pooled on one curve with a scale offset each: its verdict, threshold and interval, the offsets, and the families that depart from it", query: pooledQuerySchema,
    responses: {
      200: { description: "the pooled curve", schema: pooledResponseSchema }, 400: error("a bad query parameter, named"), 404: error("unknown task, metric, shots or filter"),
      503: error("the pooled curve could not be computed in its time budget"),
    } },
  { method: "get", path: "/api/loss", summary: "One task view with each model at its value on a loss-type reference (ref=task:metric), each family analysed on that axis; models without the reference listed, never placed", query: lossQuerySchema,
    responses: {
      200: { description: "curves and analyses against the loss", schema: lossResponseSchema }, 400: error("a bad query parameter, named (a ref that is not a loss)"),
      404: error("unknown task, metric, shots or filter, of the view or the reference"), 503: error("the analysis could not be computed in its time budget"),
    } },
  { method: "get", path: "/api/figures/{file}", summary: "A task view's figure for papers (file = <task>.svg|png|pdf), the data behind it (.csv|.json) or its caption and citation (.txt), as an attachment", query: figureQuerySchema, params: figureParamsSchema,
    responses: {
      200: { description: "the figure or its data", files: ["image/svg+xml", "image/png", "application/pdf", "text/csv", "application/json", "text/plain"] },
      400: error("a bad query or path parameter, named"), 404: error("unknown task, metric, shots or family"),
      422: error("nothing to plot on this view (zero points, or no result has a scale on this axis)"),
    } },
  { method: "get", path: "/api/audit", summary: "The emergence audit as one self-contained report (format=html with figures inline as SVG, or md with them as data URIs): each literature claim of emergence, every stored family's verdict under each metric read against it, the evidence, links to the views", query: auditReportQuerySchema,
    responses: {
      200: { description: "the report", files: ["text/html", "text/markdown"] },
      400: error("a bad query parameter, named"), 503: error("the metric comparison could not be computed in its time budget"),
    } },
  { method: "get", path: "/api/overview", summary: "Every stored curve ranked by evidence of emergence, with facets", query: overviewQuerySchema,
    responses: { 200: { description: "ranked curves", schema: overviewResponseSchema }, 400: error("a bad query parameter, named") } },
  { method: "get", path: "/api/models", summary: "The model registry as stored: name, family, parameters, tokens, FLOPs (estimates marked), aliases, the source of each fact and the edits made", query: listModelsQuerySchema,
    responses: { 200: { description: "models", schema: modelRegistryResponseSchema } } },
  { method: "post", path: "/api/models", summary: "Add a model with its scale facts and their source; FLOPs left null are estimated as 6·N·D and marked", query: noQuery,
    body: ["application/json"], bodySchema: createModelBodySchema, write: true,
    responses: {
      201: { description: "added", schema: modelEditResponseSchema }, ...EDIT_ERRORS, 409: error("the name already denotes a model (as its name or an alias)"),
    } },
  { method: "get", path: "/api/models/{id}", summary: "One model as the registry page shows it", query: noQuery, params: modelIdParamsSchema,
    responses: { 200: { description: "model", schema: z.object({ model: registryModelSchema }) }, 404: error("no such model") } },
  { method: "patch", path: "/api/models/{id}", summary: "Correct scale facts with a source or reason; the curves they move are re-analysed", query: noQuery, params: modelIdParamsSchema,
    body: ["application/json"], bodySchema: correctModelBodySchema, write: true,
    responses: { 200: { description: "corrected", schema: modelEditResponseSchema }, ...EDIT_ERRORS, 404: error("no such model") } },
  { method: "get", path: "/api/models/{id}/checkpoints", summary: "A model's checkpoints in training order, with tokens seen and result counts", query: noQuery, params: modelIdParamsSchema,
    responses: { 200: { description: "checkpoints", schema: modelCheckpointsResponseSchema }, 404: error("no such model") } },
  { method: "post", path: "/api/models/{id}/aliases", summary: "Add a name under which later uploads find the model", query: noQuery, params: modelIdParamsSchema,
    body: ["application/json"], bodySchema: addAliasBodySchema, write: true,
    responses: {
      201: { description: "added", schema: modelEditResponseSchema }, ...EDIT_ERRORS, 404: error("no such model"),
      409: error("the alias already denotes a model"),
    } },
  { method: "put", path: "/api/models/{id}/family", summary: "Put the model in a family (or none, with null), over the registry's, a file's or an inferred one; its curves are re-analysed", query: noQuery, params: modelIdParamsSchema,
    body: ["application/json"], bodySchema: setFamilyBodySchema, write: true,
    responses: { 200: { description: "set", schema: modelEditResponseSchema }, ...EDIT_ERRORS, 404: error("no such model") } },
  { method: "get", path: "/api/uploads", summary: "Upload history with provenance (token names only to a reader presenting a valid token)", query: listUploadsQuerySchema,
    responses: { 200: { description: "uploads", schema: listUploadsResponseSchema } } },
  { method: "post", path: "/api/uploads", summary: "Upload result files (raw JSON/CSV body or multipart, with an optional `models` field mapping unknown models); ?dryRun=1 previews; an Idempotency-Key header (per token, kept 24 h) replays the first answer to a retry", query: uploadQuerySchema,
    body: ["application/json", "text/csv", "multipart/form-data"], write: true,
    responses: {
      201: { description: "stored", schema: createUploadResponseSchema },
      200: { description: "already uploaded (same bytes), or the dry-run preview", schema: createUploadResponseSchema },
      400: error("malformed content (bad UTF-8, JSON position, forbidden keys, nesting) or a malformed Idempotency-Key"),
      401: error("missing, wrong or revoked token"), 403: error("cross-site request"),
      409: error("a request with the same Idempotency-Key is still running; see Retry-After"),
      413: error("body over the limit"), 415: error("unsupported content type"),
      422: error("a value, name or row rejected (file, row and field named), or an Idempotency-Key already used with another payload"),
      429: error("too many uploads; see Retry-After"),
    } },
  { method: "get", path: "/api/uploads/{id}", summary: "One upload with provenance", query: noQuery, params: uploadIdParamsSchema,
    responses: { 200: { description: "upload", schema: uploadResponseSchema }, 404: error("no such upload") } },
  { method: "delete", path: "/api/uploads/{id}", summary: "Remove exactly that upload's results, in one transaction: the token that made it, or an admin token", query: noQuery, params: uploadIdParamsSchema, write: true,
    responses: {
      200: { description: "deleted (recorded with the token and time)", schema: deleteUploadResponseSchema }, 401: error("missing, wrong or revoked token"),
      403: error("cross-site request, or another token's upload (only its token or an admin token may delete it)"), 404: error("no such upload"),
      429: error("too many deletions; see Retry-After"),
    } },
];

const DATABASE_DOWN = error("the database is unreachable, lost the connection or timed out, named; nothing was stored (Retry-After)");

/** Every route can answer 503 when the database cannot serve it. */
export const ROUTES: RouteDoc[] = DOCUMENTED.map((r) => ({ ...r, responses: { ...r.responses, 503: r.responses[503] ?? DATABASE_DOWN } }));

