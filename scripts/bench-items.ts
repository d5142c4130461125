// npm run bench:items -- [--items N (12000)]
// A six-size Pythia family answering N items (lib/ingest/testing/item-family-files.ts) through the
// CLI's ingest path, then GET /api/items on it: the time the server takes to aggregate the flip
// map, the paired tests, the bootstrap and the mirage test (token edit distance computed from the
// stored outputs), and the time of the next pages of rows, which reuse that aggregation. Adds one task of its own; refuses any database not named *_bench or
// *_test. The last stdout line is a JSON summary.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { closeDb } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { ingestPaths } from "@/lib/services/ingest/ingest-paths";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { getItemFlips } from "@/lib/services/items/item-flips";
import { stopAnalysisThread } from "@/lib/services/analysis/analysis-process";
import { toBenchDatabaseName } from "@/lib/bench/bench-database-name";
import { median } from "@/lib/emergence/quantile";
import { writePlantedFamily } from "@/lib/ingest/testing/item-family-files";
import { itemsQuerySchema } from "@/lib/schemas/items";

const USAGE = "usage: npm run bench:items -- [--items N (12000)]";
const PYTHIA = ["pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b"].map((m) => `EleutherAI/${m}`);

let items: number;
try {
  const { values } = parseArgs({ options: { items: { type: "string", default: "12000" } } });
  items = z.coerce.number().int().min(10).max(200_000).parse(values.items);
  toBenchDatabaseName(process.env.DATABASE_URL);
} catch (err) {
  console.error(`${err instanceof z.ZodError ? `--items: ${err.issues[0].message}` : (err as Error).message}\n${USAGE}`);
  process.exit(2);
}

await openDatabase();
const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-bench-items-"));
try {
  const task = `bench_items_${randomUUID().slice(0, 8)}`;
  writePlantedFamily(dir, { models: PYTHIA, task, items, planted: Math.floor(items * 0.3), flipAt: 3, worse: Math.floor(items * 0.05) });
  const ingestStart = performance.now();
  const summary = await ingestPaths([dir], { registry: await buildRegistry() });
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  if (summary.errors.length > 0) throw new Error(summary.errors.map((e) => e.error).join("\n"));
  // the first request aggregates; the next pages of rows reuse it (lib/services/items/item-flips.ts keeps it per store version)
  const time = async (offset: number) => {
    const start = performance.now();
    const res = await getItemFlips(itemsQuerySchema.parse({ task, x: "params", offset: String(offset) }));
    return { ms: performance.now() - start, complete: res.complete };
  };
  const first = await time(0);
  const pages: number[] = [];
  for (let page = 1; page <= 5; page++) pages.push((await time(page * 50)).ms);
  console.error(`${first.complete} items × ${PYTHIA.length} sizes: ingest ${ingestSeconds.toFixed(1)} s; GET /api/items first ${first.ms.toFixed(0)} ms, next pages median ${median(pages).toFixed(1)} ms`);
  console.log(JSON.stringify({ items: first.complete, sizes: PYTHIA.length, ingestSeconds, firstMs: first.ms, pageMedianMs: median(pages) }));
} finally {
  await rm(dir, { recursive: true, force: true });
  stopAnalysisThread();
  await closeDb();
}
