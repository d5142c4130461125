import { describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";
import type { EmergenceClaim } from "@/lib/schemas/audit";
import { buildAuditClaims, type StoredTask } from "./build-audit-claims";
import { figureKey, type Audit } from "./audit-report";
import { toAuditMarkdown } from "./to-audit-markdown";
import { toAuditHtml, toInlineSvg } from "./to-audit-html";

const claims: EmergenceClaim[] = [
  {
    id: "add", source: "Wei et al. 2022, Emergent, TMLR", where: "Table 1", ability: "Addition/subtraction (3 digit)", claimedFor: "GPT-3",
    emergentFlops: "2.3E+22", emergentParams: "13B", expects: [{ metric: "accuracy", storeMetrics: ["acc"], verdict: "abrupt" }],
    storeTasks: ["arithmetic_3da", "arithmetic_4da"], note: "note | with a pipe",
  },
  {
    id: "tox", source: "Wei et al. 2022, Emergent, TMLR", where: "Table 1", ability: "Toxicity classification (CivilComments)", claimedFor: "Gopher",
    emergentFlops: "1.3E+22", emergentParams: "7.1B", expects: [{ metric: null, storeMetrics: [], verdict: "abrupt" }], storeTasks: [], note: "none",
  },
];
const stored = new Map<string, StoredTask>([["arithmetic_3da", {
  task: "arithmetic_3da", comparison: null,
  views: [{ metric: "acc", shots: 2, filter: "none", itemModels: 0, analyses: [makeAnalysis({ family: "Evil<script>|Lab" }), makeAnalysis({ family: "OPT", verdict: "near-floor" })] }],
}]]);
const audit: Audit = {
  generatedAt: "2026-11-30T20:00:00.000Z", x: "params", analysedAt: "2026-11-30T19:00:00.000Z",
  counts: { uploads: 3, tasks: 12, models: 84, families: 30, results: 900, curves: 200 },
  rules: { alpha: 0.05, maxAbruptWidth: 1, equivalenceShare: 0.05, minScales: 5 },
  claims: buildAuditClaims(claims, stored, "params"),
};
const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><clipPath id="plot-area"><rect width="5" height="5"/></clipPath></defs><path d="M0 0L5 5" clip-path="url(#plot-area)"/><metadata id="provenance">{}</metadata></svg>`;
const figures = new Map([[figureKey("arithmetic_3da", "acc"), svg]]);

describe("toAuditMarkdown", () => {
  const md = toAuditMarkdown(audit, "http://atlas.test", figures);

  it("states the date, the store, the rules and how to reproduce it before any claim", () => {
    const head = md.slice(0, md.indexOf("## "));
    expect(head).toContain("Generated 2026-11-30T20:00:00.000Z");
    expect(head).toContain("http://atlas.test/api/audit?format=md&x=params");
    expect(head).toContain("3 uploads, 12 tasks, 84 models in 30 families, 900 results, 200 curves analysed on parameters");
    expect(head).toContain("α = 0.05; W = 1 decade");
    expect(head).toContain("δ = 5 % of the metric's range");
  });

  it("lists each family's verdict, its reading against the claim and a link to its view, with cells escaped", () => {
    expect(md).toContain("| Evil<script>\\|Lab | acc | abrupt | abrupt: because | agrees | 0.1 [0.02, 0.35] | 1.2e-9 / 1 | 1.20e9 [8.00e8, 2.00e9] | 8 | no per-item outputs | [task page](http://atlas.test/tasks/arithmetic_3da?metric=acc&shots=2&filter=none&x=params&families=Evil%3Cscript%3E%7CLab) |");
    expect(md).toContain("| OPT | acc | near-floor | abrupt: because | no rise in range |");
    expect(md).toContain("- **Emergent scale**: 2.3E+22 training FLOPs, 13B parameters (as printed in Table 1)");
    expect(md).toContain("No per-item outputs are stored for arithmetic_3da / acc, so no paired test between adjacent sizes can be made");
  });

  it("lists a claim the store cannot address as not in the store", () => {
    expect(md).toContain("| Toxicity classification (CivilComments) | Wei et al. 2022, Table 1 | not in the store | — |");
    expect(md).toContain("- **Store tasks**: none known — not in the store");
    expect(md).toContain("| Addition/subtraction (3 digit) | Wei et al. 2022, Table 1 | arithmetic_3da, arithmetic_4da (not in the store) | arithmetic_3da: 1 agrees, 1 no rise in range |");
    expect(md).toContain("### arithmetic_4da\n\nNot in the store: no results of this task are stored.");
  });

  it("embeds each figure as an SVG data URI that decodes to the figure", () => {
    const uris = [...md.matchAll(/\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], "base64").toString("utf8"));
    expect(uris).toEqual([svg]);
  });
});

describe("toAuditHtml", () => {
  const html = toAuditHtml(audit, "http://atlas.test", figures);

  it("is one document with the figures inline, their ids made unique, and every name escaped", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toContain("<script");
    expect(html).toContain("Evil&lt;script&gt;|Lab");
    const inline = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(inline).toHaveLength(1);
    expect(XMLValidator.validate(inline[0])).toBe(true);
    expect(inline[0]).toContain('id="plot-area-0-0-0"');
    expect(inline[0]).toContain("url(#plot-area-0-0-0)");
    expect(html).toContain('<tr class="agrees"><td>Evil&lt;script&gt;|Lab</td><td>acc</td><td>abrupt<div class="muted">abrupt: because</div></td><td>agrees</td>');
    expect(html).toContain('<h3>arithmetic_4da</h3><p class="not-in-store">Not in the store');
  });

  it("leaves an SVG without declaration or ids as it was", () => {
    expect(toInlineSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', "1")).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
});
