import "server-only";
import { figureKey } from "@/lib/audit/audit-report";
import { AppError } from "@/lib/errors/app-error";
import { toAuditHtml } from "@/lib/audit/to-audit-html";
import { toAuditMarkdown } from "@/lib/audit/to-audit-markdown";
import { figureRequestQuerySchema } from "@/lib/schemas/figures";
import type { AuditQuery } from "@/lib/schemas/audit";
import { renderFigureFile } from "@/lib/services/figures/render-figure-file";
import { buildAudit } from "./build-audit";

export type AuditReport = { body: string; contentType: string; fileName: string };

/**
 * The audit as one file to download: HTML with every task view's figure inline as
 * SVG, or Markdown with the same figures as data URIs. Each figure is the figure
 * export of that view (lib/services/figures), double-column preset.
 */
export async function renderAuditReport(query: AuditQuery, format: "html" | "md", origin: string): Promise<AuditReport> {
  const audit = await buildAudit(query);
  const views = audit.claims.flatMap((c) => c.tasks.flatMap((t) => t.families.flatMap((f) => f.byMetric.map((m) => ({ task: t.task, m })))));
  const unique = new Map(views.map((v) => [figureKey(v.task, v.m.metric), v]));
  const figures = new Map<string, string>();
  for (const [key, { task, m }] of unique) {
    const q = figureRequestQuerySchema.parse({ metric: m.metric, shots: m.shots === null ? "unknown" : String(m.shots), filter: m.filter, x: audit.x, preset: "double" });
    const file = await renderFigureFile(task, "svg", q).catch((err: unknown) => {
      // a view with nothing placed on this axis has no figure; its rows still say what is stored
      if (err instanceof AppError && err.status === 422) return null;
      throw err;
    });
    if (file) figures.set(key, typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body));
  }
  const day = audit.generatedAt.slice(0, 10);
  return format === "html"
    ? { body: toAuditHtml(audit, origin, figures), contentType: "text/html; charset=utf-8", fileName: `emergence-audit_${audit.x}_${day}.html` }
    : { body: toAuditMarkdown(audit, origin, figures), contentType: "text/markdown; charset=utf-8", fileName: `emergence-audit_${audit.x}_${day}.md` };
}
