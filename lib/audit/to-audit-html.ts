import type { AuditClaim, AuditTask } from "@/lib/schemas/audit";
import { AXIS_NAME, figureKey, type Audit } from "./audit-report";
import { AGREEMENT_LEGEND, describeExpectations, describePaired, describeRules, describeScale, describeTally, describeViewItems, summarizeClaim, taskViews } from "./describe-audit";
import { AGREEMENT_LABEL } from "./to-agreement";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * A figure's SVG placed in the page: without its XML declaration, and with its ids
 * (clip path, provenance) made unique, since every inline SVG shares one id space.
 */
export function toInlineSvg(svg: string, suffix: string): string {
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, "")
    .replace(/id="([A-Za-z][\w-]*)"/g, `id="$1-${suffix}"`)
    .replace(/url\(#([A-Za-z][\w-]*)\)/g, `url(#$1-${suffix})`);
}

const STYLE = `body{font-family:"DejaVu Sans",system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
table{border-collapse:collapse;margin:0.5rem 0 1rem;font-size:0.85rem}th,td{border:1px solid #ccc;padding:0.2rem 0.45rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.agrees{background:#e3f4e1}.disagrees{background:#fbe3e1}.muted{color:#555;font-size:0.8rem}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
section.claim{border-top:2px solid #999;margin-top:2rem}dt{font-weight:bold}dd{margin:0 0 0.4rem 1rem}`;

function taskHtml(audit: Audit, task: AuditTask, origin: string, figures: Map<string, string>, index: string): string {
  const head = `<h3>${esc(task.task)}</h3>`;
  if (!task.inStore) return `${head}<p class="not-in-store">Not in the store: no results of this task are stored.</p>`;
  const rows = task.families.flatMap((f) =>
    f.byMetric.map((m) => `<tr class="${m.agreement}"><td>${esc(f.family)}</td><td>${esc(m.metric)}</td><td>${esc(m.verdict)}<div class="muted">${esc(m.reason)}</div></td><td>${esc(AGREEMENT_LABEL[m.agreement])}</td><td>${esc(m.width)}</td><td>${esc(m.p)}</td><td>${esc(m.threshold)}</td><td>${m.scales}</td><td>${esc(describePaired(m, audit.rules.alpha))}</td><td><a href="${esc(origin + m.href)}">task page</a></td></tr>`),
  );
  const compared = task.families.filter((f) => f.sameModels !== null);
  const mirage = compared.length === 0 ? "" : `<p>Every metric over the same models (the mirage test):</p><ul>${compared.map((f) => `<li>${esc(f.family)}: ${esc(f.sameModels!.statement)}</li>`).join("")}</ul>`;
  const views = taskViews(task).map((v, i) => {
    const svg = figures.get(figureKey(task.task, v.metric));
    const figure = svg ? `<figure>${toInlineSvg(svg, `${index}-${i}`)}<figcaption>${esc(task.task)} (${esc(v.metric)}) against ${AXIS_NAME[audit.x]}</figcaption></figure>` : "";
    return `<p class="muted">${esc(describeViewItems(task.task, v.metric, v.itemModels))}</p>${figure}`;
  });
  return `${head}<p>Families: ${esc(describeTally(task))}.</p>
<table><thead><tr><th>family</th><th>metric</th><th>verdict</th><th>against the claim</th><th>width, decades [95 % bounds]</th><th>p sharper / p wider than W</th><th>threshold</th><th>sizes</th><th>paired tests</th><th>view</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>${mirage}${views.join("\n")}`;
}

function claimHtml(audit: Audit, claim: AuditClaim, origin: string, figures: Map<string, string>, i: number): string {
  const inStore = claim.tasks.some((t) => t.inStore);
  return `<section class="claim" id="${esc(claim.id)}"><h2>${esc(claim.ability)}</h2><dl>
<dt>Source</dt><dd>${esc(claim.source)}, ${esc(claim.where)}</dd>
<dt>Claimed for</dt><dd>${esc(claim.claimedFor)}</dd>
<dt>Claim</dt><dd>${esc(describeExpectations(claim))}</dd>
<dt>Emergent scale</dt><dd>${esc(describeScale(claim))}</dd>
<dt>Store tasks</dt><dd>${esc(claim.storeTasks.length > 0 ? claim.storeTasks.join(", ") : "none known")}${inStore ? "" : " — not in the store"}</dd>
<dt>Note</dt><dd>${esc(claim.note)}</dd></dl>
${claim.tasks.map((t, j) => taskHtml(audit, t, origin, figures, `${i}-${j}`)).join("\n")}</section>`;
}

/**
 * The audit as one self-contained HTML file: the same content as the Markdown
 * report, with every task figure inlined as SVG (no outside reference, no script).
 */
export function toAuditHtml(audit: Audit, origin: string, figures: Map<string, string>): string {
  const c = audit.counts;
  const summary = audit.claims.map((cl) => {
    const s = summarizeClaim(cl);
    return `<tr><td><a href="#${esc(cl.id)}">${esc(cl.ability)}</a></td><td>${esc(s.source)}</td><td>${esc(s.tasks)}</td><td>${esc(s.families)}</td></tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Emergence audit · Emergence Atlas</title><style>${STYLE}</style></head>
<body><h1>Emergence audit</h1>
<p>Generated ${esc(audit.generatedAt)} by Emergence Atlas from <code>${esc(`${origin}/api/audit?format=html&x=${audit.x}`)}</code>.</p>
<ul><li><strong>Store</strong>: ${c.uploads} uploads, ${c.tasks} tasks, ${c.models} models in ${c.families} families, ${c.results} results, ${c.curves} curves analysed on ${AXIS_NAME[audit.x]}.</li>
<li><strong>Verdicts</strong>: stored analyses on ${AXIS_NAME[audit.x]}, last computed ${esc(audit.analysedAt ?? "never")}; rules: ${esc(describeRules(audit.rules))} (<a href="${esc(origin)}/verdicts">what a verdict claims</a>).</li>
<li><strong>Against the claim</strong>: ${esc(AGREEMENT_LEGEND)}.</li></ul>
<table><thead><tr><th>claim</th><th>source</th><th>store tasks</th><th>families</th></tr></thead><tbody>${summary.join("\n")}</tbody></table>
${audit.claims.map((cl, i) => claimHtml(audit, cl, origin, figures, i)).join("\n")}
</body></html>
`;
}
