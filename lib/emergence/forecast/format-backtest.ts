import type { Verdict } from "@/lib/schemas/analysis";
import { fmt } from "../format-number";
import { summarizeBacktest, type BacktestOptions, type BacktestSummary, type CurveBacktest } from "./backtest";

const pct = (v: number) => `${Math.round(v * 100)} %`;

/** Per view: the verdicts of its backtested families on the same axis, e.g. "OPT abrupt, Pythia smooth". */
function verdictsOf(curves: CurveBacktest[], verdicts: Map<string, Verdict>): string {
  const seen = new Map<string, string>();
  for (const c of curves) seen.set(c.family, `${c.family} ${verdicts.get(c.id) ?? "?"}`);
  return [...seen.values()].join(", ");
}

function formCells(rows: BacktestSummary[], forms: readonly string[]): string[] {
  return forms.map((form) => {
    const r = rows.find((x) => x.form === form);
    return r ? `${fmt(r.mae)} / ${pct(r.coverage)}` : "—";
  });
}

/**
 * The backtest report (docs/backtest.md): the protocol, each form's error and coverage over
 * all held-out sizes, then every task view, worst forecast first (the lowest coverage any form
 * reached, a measure free of the metric's units; then the error), beside the verdicts of its
 * families, so the tasks where forecasting fails (emergent ones among them) read at the top.
 */
export function formatBacktest(curves: CurveBacktest[], verdicts: Map<string, Verdict>, options: BacktestOptions & { axis: string; command: string }): string {
  const overall = summarizeBacktest(curves, () => "all");
  const byView = summarizeBacktest(curves, (c) => c.view);
  const views = [...new Set(curves.map((c) => c.view))].map((view) => {
    const rows = byView.filter((r) => r.key === view);
    const own = curves.filter((c) => c.view === view);
    // unit-free: the best coverage any form reached, then the best error
    return { view, rows, own, coverage: Math.max(...rows.map((r) => r.coverage)), mae: Math.min(...rows.map((r) => r.mae)) };
  });
  views.sort((a, b) => a.coverage - b.coverage || b.mae - a.mae || a.view.localeCompare(b.view));
  const header = `| task view (task · metric · shots · filter) | families (verdict on ${options.axis}) | ${options.forms.map((f) => `${f}: MAE / coverage`).join(" | ")} |`;
  const rule = `|---|---|${options.forms.map(() => "---|").join("")}`;
  const line = (v: (typeof views)[number]) =>
    `| ${v.view.split("|").join(" · ")} | ${verdictsOf(v.own, verdicts)} | ${formCells(v.rows, options.forms).join(" | ")} |`;
  const emergent = views.filter((v) => v.own.some((c) => verdicts.get(c.id) === "abrupt"));
  return [
    "# Backtest: forecasting the largest models from the smaller ones",
    "",
    `Made by \`${options.command}\`. Protocol of Ruan et al. (2024): on the ${options.axis} axis, every family's models`,
    `below ${options.cutoff.toExponential(1)} are the training set and those at or above it are forecast, each curve on its own`,
    `(one family, one task view). A family needs enough sizes below the cutoff for the form (linear and sigmoid 3,`,
    `hinge 4, logistic 4 with a chance level) and one above it. Band: central ${pct(options.level)} of ${options.draws} parametric-bootstrap`,
    `refits plus a new measurement's noise (seed ${options.seed}); coverage is the share of held-out measurements inside it, to be`,
    `compared with ${pct(options.level)}. Errors are in the metric's units. Forms: linear, logistic (floor at chance) and hinge in`,
    "log-scale as the analysis fits them; sigmoid is Ruan et al.'s (floor at chance, top at the metric's bound).",
    "",
    "## All held-out sizes",
    "",
    "| form | curves | held-out sizes | mean absolute error | coverage |",
    "|---|---|---|---|---|",
    ...overall.map((r) => `| ${r.form} | ${r.curves} | ${r.points} | ${fmt(r.mae)} | ${pct(r.coverage)} |`),
    "",
    `## Where forecasts fail: task views with an abrupt verdict (${emergent.length})`,
    "",
    emergent.length === 0 ? "None of the backtested curves is abrupt on this axis." : [header, rule, ...emergent.map(line)].join("\n"),
    "",
    `## Every task view, worst forecast first (${views.length}): lowest coverage by any form, then largest error`,
    "",
    header,
    rule,
    ...views.map(line),
    "",
  ].join("\n");
}
