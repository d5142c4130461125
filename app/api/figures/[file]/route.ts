import { defineDownloadRoute } from "@/lib/api/define-download-route";
import { renderFigureFile } from "@/lib/services/figures/render-figure-file";
import { figureParamsSchema, figureRequestQuerySchema } from "@/lib/schemas/figures";

export const dynamic = "force-dynamic";
// resvg and pdfkit are Node libraries
export const runtime = "nodejs";

export const GET = defineDownloadRoute({
  query: figureRequestQuerySchema,
  params: figureParamsSchema,
  handler: ({ query, params }) => renderFigureFile(params.file.task, params.file.format, query),
});
