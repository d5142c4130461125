import { z } from "zod";
import { defineDownloadRoute } from "@/lib/api/define-download-route";
import { auditReportQuerySchema } from "@/lib/schemas/audit";
import { renderAuditReport } from "@/lib/services/audit/render-audit-report";

export const dynamic = "force-dynamic";
// the figures are rendered by the Node figure renderer
export const runtime = "nodejs";

/** GET /api/audit?format=html|md&x=params|tokens|flops: the emergence audit as one self-contained file. */
export const GET = defineDownloadRoute({
  query: auditReportQuerySchema,
  params: z.object({}),
  handler: ({ query, request }) => renderAuditReport({ x: query.x }, query.format, new URL(request.url).origin),
});
