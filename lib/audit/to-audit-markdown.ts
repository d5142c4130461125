import type { AuditClaim, AuditTask } from "@/lib/schemas/audit";
import { AXIS_NAME, figureKey, type Audit } from "./audit-report";
import { AGREEMENT_LEGEND, describeExpectations, describePaired, describeRules, describeScale, describeTally, describeViewItems, summarizeClaim, taskViews } from "./describe-audit";
import { AGREEMENT_LABEL } from "./to-agreement";

/** A table cell: pipes escaped, line breaks flattened. */
const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** An SVG as a data URI image: the Markdown file stays one self-contained file. */
const svgImage = (alt: string, svg: string) => `![${cell(alt).replace(/[[\]]/g, "")}](data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")})`;

function taskSection(audit: Audit, task: AuditTask, origin: string, figures: Map<string, string>): string[] {
  if (!task.inStore) return [`### ${task.task}`, "", "Not in the store: no results of this task are stored.", ""];
  const out = [`### ${task.task}`, "", `Families: ${describeTally(task)}.`, ""];
  out.push("| family | metric | verdict | reason | against the claim | width, decades [95 % bounds] | p sharper / p wider than W | threshold | sizes | paired tests | view |");
  out.push("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const f of task.families) {
    for (const m of f.byMetric) {
      out.push(`| ${[f.family, m.metric, m.verdict, m.reason, AGREEMENT_LABEL[m.agreement], m.width, m.p, m.threshold, String(m.scales), describePaired(m, audit.rules.alpha)].map(cell).join(" | ")} | [task page](${origin}${m.href}) |`);
    }
  }
  out.push("");
  const compared = task.families.filter((f) => f.sameModels !== null);
  if (compared.length > 0) {
    out.push("Every metric over the same models (the mirage test):", "");
    for (const f of compared) out.push(`- ${cell(f.family)}: ${f.sameModels!.statement}`);
    out.push("");
  }
  for (const v of taskViews(task)) {
    out.push(describeViewItems(task.task, v.metric, v.itemModels), "");
    const svg = figures.get(figureKey(task.task, v.metric));
    if (svg) out.push(svgImage(`${task.task} (${v.metric}) against ${AXIS_NAME[audit.x]}`, svg), "");
  }
  return out;
}

function claimSection(audit: Audit, claim: AuditClaim, origin: string, figures: Map<string, string>): string[] {
  return [
    `## ${claim.ability}`,
    "",
    `- **Source**: ${claim.source}, ${claim.where}`,
    `- **Claimed for**: ${claim.claimedFor}`,
    `- **Claim**: ${describeExpectations(claim)}`,
    `- **Emergent scale**: ${describeScale(claim)}`,
    `- **Store tasks**: ${claim.storeTasks.length > 0 ? claim.storeTasks.join(", ") : "none known"}${claim.tasks.some((t) => t.inStore) ? "" : " — not in the store"}`,
    `- **Note**: ${claim.note}`,
    "",
    ...claim.tasks.flatMap((t) => taskSection(audit, t, origin, figures)),
  ];
}

/**
 * The audit as one Markdown file: date, store counts and rules first (so a reader
 * can reproduce it), a summary table, then each claim with every family's verdict
 * under each metric and the task figures as inline SVG data URIs.
 */
export function toAuditMarkdown(audit: Audit, origin: string, figures: Map<string, string>): string {
  const c = audit.counts;
  const lines = [
    "# Emergence audit",
    "",
    `Generated ${audit.generatedAt} by Emergence Atlas from ${origin}/api/audit?format=md&x=${audit.x}.`,
    "",
    `- **Store**: ${c.uploads} uploads, ${c.tasks} tasks, ${c.models} models in ${c.families} families, ${c.results} results, ${c.curves} curves analysed on ${AXIS_NAME[audit.x]}.`,
    `- **Verdicts**: stored analyses on ${AXIS_NAME[audit.x]}, last computed ${audit.analysedAt ?? "never"}; rules: ${describeRules(audit.rules)} (${origin}/verdicts).`,
    `- **Against the claim**: ${AGREEMENT_LEGEND}.`,
    "",
    "| claim | source | store tasks | families |",
    "|---|---|---|---|",
    ...audit.claims.map((cl) => {
      const s = summarizeClaim(cl);
      return `| ${[cl.ability, s.source, s.tasks, s.families].map(cell).join(" | ")} |`;
    }),
    "",
    ...audit.claims.flatMap((cl) => claimSection(audit, cl, origin, figures)),
  ];
  return lines.join("\n") + "\n";
}
