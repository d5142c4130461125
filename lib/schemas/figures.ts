import { z } from "zod";
import { curvesQuerySchema } from "./curves";
import { lossQuerySchema } from "./loss-axis";
import { pooledQuerySchema } from "./pooled";
import { forecastQuerySchema } from "./forecast";

/** txt: the caption and citation block, to ship beside a CSV */
export const figureFormatSchema = z.enum(["svg", "png", "pdf", "csv", "json", "txt"]);
export type FigureFormat = z.infer<typeof figureFormatSchema>;

/** Sizes for papers: a journal column (3.25 in), a full page width (6.75 in), a 16:9 slide, or custom. */
export const figurePresetSchema = z.enum(["single", "double", "slide", "custom"]);
export type FigurePreset = z.infer<typeof figurePresetSchema>;

/** The last path segment: `<task>.<format>`, the task URL-encoded as on the task page. */
export const figureParamsSchema = z.object({
  file: z
    .string()
    .regex(/^.+\.(svg|png|pdf|csv|json|txt)$/, "must be <task>.svg, .png, .pdf, .csv, .json or .txt")
    .transform((file) => {
      const dot = file.lastIndexOf(".");
      return { task: file.slice(0, dot), format: figureFormatSchema.parse(file.slice(dot + 1)) };
    }),
});

/** Most pixels a PNG may have (about 8000 × 6000): enough for a poster at 300 dpi. */
export const MAX_PNG_PIXELS = 50_000_000;

/** `families=A,B`: family names, trimmed, each once, in the order given (as on the task page's URL). */
export const familiesParamSchema = z
  .string()
  .max(4000)
  .transform((s) => [...new Set(s.split(",").map((f) => f.trim()).filter((f) => f.length > 0))])
  .pipe(z.array(z.string().max(200)).min(1, "names no family").max(100));

const number = (min: number, max: number) => z.coerce.number().finite().min(min).max(max);

/** How a figure is drawn, whatever it shows: the size preset (or custom inches), the font and the PNG resolution. */
const drawingFields = {
  preset: figurePresetSchema.default("single"),
  /** inches; only with preset=custom (required there) */
  width: number(1, 30).optional(),
  /** inches; with preset=custom, default 0.7 × width */
  height: number(0.5, 30).optional(),
  /** font size in points; default per preset (8 single, 9 double and custom, 16 slide) */
  font: number(5, 36).optional(),
  /** PNG resolution in dots per inch, written into the file's pHYs chunk */
  dpi: z.coerce.number().int("must be a whole number").min(72).max(1200).default(300),
};

function checkSize(q: { preset: FigurePreset; width?: number; height?: number }, ctx: z.RefinementCtx) {
  if (q.preset === "custom" && q.width === undefined) {
    ctx.addIssue({ code: "custom", path: ["width"], message: "is required with preset=custom (inches)" });
  }
  if (q.preset !== "custom" && (q.width !== undefined || q.height !== undefined)) {
    const path = [q.width !== undefined ? "width" : "height"];
    ctx.addIssue({ code: "custom", path, message: "applies only with preset=custom" });
  }
}

/** The task page's own view: the curves and analyses of /api/curves and /api/analysis. */
const mainFields = curvesQuerySchema.omit({ task: true }).extend({
  /** comma-separated family names; default: every family on the view */
  families: familiesParamSchema.optional(),
  ...drawingFields,
});

/** A figure's view (the task page's parameters) and how to draw it; the task comes from the path. */
export const figureQuerySchema = mainFields.superRefine(checkSize);
export type FigureQuery = z.infer<typeof figureQuerySchema>;

/** What a figure shows: the task page's chart, or one of its panels (each with its own API's parameters). */
export const figureViewSchema = z.enum(["main", "loss", "pooled", "forecast"]);
export type FigureViewKind = z.infer<typeof figureViewSchema>;

/** The loss view (GET /api/loss's parameters) as a figure. */
export const lossFigureQuerySchema = lossQuerySchema.omit({ task: true }).extend({ view: z.literal("loss"), ...drawingFields }).superRefine(checkSize);
export type LossFigureQuery = z.infer<typeof lossFigureQuerySchema>;

/** The pooled curve (GET /api/pooled's parameters) as a figure. */
export const pooledFigureQuerySchema = pooledQuerySchema.omit({ task: true }).extend({ view: z.literal("pooled"), ...drawingFields }).superRefine(checkSize);
export type PooledFigureQuery = z.infer<typeof pooledFigureQuerySchema>;

/** The forecast (GET /api/forecast's parameters) as a figure; `families` picks whose forecasts are drawn (default: all with one). */
export const forecastFigureQuerySchema = forecastQuerySchema
  .omit({ task: true })
  .extend({ view: z.literal("forecast"), families: familiesParamSchema.optional(), ...drawingFields })
  .superRefine(checkSize);
export type ForecastFigureQuery = z.infer<typeof forecastFigureQuerySchema>;

const viewMembers = [
  mainFields.extend({ view: z.literal("main") }).superRefine(checkSize),
  lossFigureQuerySchema,
  pooledFigureQuerySchema,
  forecastFigureQuerySchema,
] as const;

/**
 * The figure route's query: `view` (default main) picks the figure, and with it which
 * parameters apply, each validated by its own API's schema plus the drawing options.
 */
export const figureRequestQuerySchema = z.preprocess(
  (raw) => (raw !== null && typeof raw === "object" && !("view" in raw) ? { ...raw, view: "main" } : raw),
  z.discriminatedUnion("view", viewMembers, { error: () => `view: must be one of ${figureViewSchema.options.join(", ")}` }),
);
export type FigureRequestQuery = z.infer<typeof figureRequestQuerySchema>;
