// npm run ingest -- [--dry-run] [--models FILE.csv] [--note TEXT] PATH...
// Thin CLI over lib/services/ingest/ingest-paths.ts. The last stdout line is the JSON summary;
// the exit code is 1 if any file failed.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/lib/db/open-database";
import { closeDb } from "@/lib/db/client";
import { ingestPaths } from "@/lib/services/ingest/ingest-paths";
import { buildRegistry } from "@/lib/services/registry/build-registry";
import { IngestError } from "@/lib/ingest/ingest-error";
import { MultiBar, Presets } from "cli-progress";

const USAGE = "usage: npm run ingest -- [--dry-run] [--models FILE.csv] [--note TEXT] PATH...";

const argsSchema = z.object({
  dryRun: z.boolean(),
  models: z.string().min(1).optional(),
  note: z.string().max(2000).optional(),
  paths: z.array(z.string().min(1)).min(1, "give at least one file or folder"),
});

function readArgs() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean", default: false }, models: { type: "string" }, note: { type: "string" } },
  });
  return argsSchema.parse({ dryRun: values["dry-run"], models: values.models, note: values.note, paths: positionals });
}

let args: z.infer<typeof argsSchema>;
try {
  args = readArgs();
} catch (err) {
  const detail = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : String(err);
  console.error(`${detail}\n${USAGE}`);
  process.exit(2);
}

const db = await openDatabase();
let registry: Awaited<ReturnType<typeof buildRegistry>>;
try {
  // the same resolution as an upload: registry files, the models stored (as corrected on /models), then --models
  registry = await buildRegistry({ modelsFiles: args.models ? [args.models] : [] });
} catch (err) {
  await closeDb();
  await db.stop();
  // a bad --models file (a hidden character in a name, a bad number) is the user's to fix, not a crash
  if (!(err instanceof IngestError)) throw err;
  console.error(`error: ${err.message}`);
  process.exit(1);
}
// a bar over the files (cli-progress) only on a terminal; a file's error is printed as it happens, above the bar
const bars = process.stderr.isTTY ? new MultiBar({ stream: process.stderr, format: "{bar} {value}/{total} files | {results} results | {errors} errors | {file}", hideCursor: true }, Presets.shades_classic) : null;
let bar: ReturnType<MultiBar["create"]> | null = null;
const totals = { results: 0, errors: 0 };
try {
  const summary = await ingestPaths(args.paths, {
    registry,
    note: args.note ?? null,
    dryRun: args.dryRun,
    onProgress: (p) => {
      if (p.outcome === undefined) {
        bar ??= bars?.create(p.files, 0, { ...totals, file: "" }) ?? null;
        bar?.update(p.fileIndex, { file: p.file.length > 50 ? `…${p.file.slice(-49)}` : p.file });
        return;
      }
      if (p.outcome.ok) totals.results += p.outcome.parsed;
      else {
        totals.errors++;
        // without a bar the errors are listed once, at the end
        bars?.log(`error: ${p.outcome.error}\n`);
      }
      bar?.update(p.fileIndex + 1, totals);
    },
  });
  bars?.stop();
  if (bars === null) for (const e of summary.errors) console.error(`error: ${e.error}`);
  if (summary.unknownScaleModels.length > 0) {
    console.error(
      `scale unknown for ${summary.unknownScaleModels.length} model(s); stored but not plotted until you supply it with --models FILE.csv`,
    );
  }
  console.log(JSON.stringify({ ...summary, dryRun: args.dryRun }));
  process.exitCode = summary.errors.length > 0 ? 1 : 0;
} finally {
  await closeDb();
  await db.stop();
}
