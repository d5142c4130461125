// npm run backtest -- [--cutoff FLOPS (1e22)] [--axis flops|params|tokens] [--level 0.9] [--draws 200] [--seed 1] [--out docs/backtest.md]
// Forecasts every family's largest models from its smaller ones in the store (the demo on the
// embedded database, loaded if it is empty, as npm start does) and reports the error and band
// coverage per task and form beside each curve's verdict: lib/emergence/forecast/backtest.ts.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { loadRows } from "@/lib/db/view-rows";
import { analyzeCurves } from "@/lib/emergence/analyze-curves";
import { backtestCurves } from "@/lib/emergence/forecast/backtest";
import { FORECAST_FORMS } from "@/lib/emergence/forecast/fit-forecast-form";
import { formatBacktest } from "@/lib/emergence/forecast/format-backtest";
import { toCurveInputs } from "@/lib/emergence/to-curve-inputs";
import { seedDemoIfEmpty } from "@/lib/services/ingest/seed-demo";

const argsSchema = z.object({
  cutoff: z.coerce.number().positive(),
  axis: z.enum(["flops", "params", "tokens"]),
  level: z.coerce.number().gt(0).lt(1),
  draws: z.coerce.number().int().min(20).max(10_000),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1),
  out: z.string().min(1),
});
const { values } = parseArgs({
  options: {
    cutoff: { type: "string", default: "1e22" },
    axis: { type: "string", default: "flops" },
    level: { type: "string", default: "0.9" },
    draws: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "docs/backtest.md" },
  },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  process.exit(2);
}
const args = parsed.data;

const db = await openDatabase();
try {
  if (db.kind === "embedded") await seedDemoIfEmpty();
  const inputs = toCurveInputs(await loadRows("all")).filter((c) => c.groupId.endsWith(`|${args.axis}`));
  const started = performance.now();
  const options = { ...args, forms: FORECAST_FORMS };
  const curves = backtestCurves(inputs, options);
  const ids = new Set(curves.map((c) => c.id));
  const backtested = inputs.filter((c) => ids.has(c.id));
  const verdicts = new Map(analyzeCurves(backtested).map((a, i) => [backtested[i].id, a.verdict]));
  const command = `npm run backtest -- --cutoff ${args.cutoff.toExponential(1)} --axis ${args.axis} --level ${args.level} --draws ${args.draws} --seed ${args.seed}`;
  const report = formatBacktest(curves, verdicts, { ...options, command });
  await writeFile(args.out, report);
  const allSection = report.slice(report.indexOf("## All held-out sizes"), report.indexOf("## Where forecasts fail"));
  console.log(allSection.trim());
  console.log(`\n${backtested.length} curves of ${inputs.length} on ${args.axis} backtested in ${((performance.now() - started) / 1000).toFixed(1)} s; report: ${args.out}`);
} finally {
  await closeDb();
  await db.stop();
}
