import { createRandom } from "@/lib/emergence/random";

export type BenchModel = { name: string; finalStep: number | null };
export type BenchTask = { name: string; chance: number | null; itemCount: number | null };

export type GenerateOptions = {
  rows: number;
  seed: number;
  models: readonly BenchModel[];
  tasks: readonly BenchTask[];
  metrics?: readonly string[];
  shots?: readonly number[];
};

/** Long CSV columns, as lib/ingest/parse-csv-long.ts reads them. */
export const BENCH_CSV_HEADER = "model,revision,task,metric,value,stderr,n,shots";

/**
 * Pythia's published checkpoint schedule: log-spaced steps 0..512, then every
 * 1000 steps. Models without a known final step continue it without end.
 */
function stepAt(index: number): number {
  return index < 11 ? (index === 0 ? 0 : 2 ** (index - 1)) : (index - 10) * 1000;
}

/** The revision of a model's `rank`-th checkpoint: "" (the final model) first, then training steps; null past the last. */
function revisionAt(model: BenchModel, rank: number): string | null {
  if (rank === 0) return "";
  // The final step is the released model ("final"), already given as rank 0: stop before it so no key repeats.
  const step = stepAt(rank - 1);
  if (model.finalStep !== null && step >= model.finalStep) return null;
  return `step${step}`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Deterministic long-CSV result rows for benchmarks: checkpoints are taken
 * round-robin over the models (final model first, then training steps), and
 * each checkpoint is scored on every task × metric × shots, so the natural key
 * never repeats. Scores rise with training progress from the task's chance
 * level, with seeded noise; stderr is the binomial one (2% of rows leave it
 * empty, as notebook exports do). The first k rows are the same for any
 * `rows` ≥ k.
 */
export function* generateResultLines(opts: GenerateOptions): Generator<string> {
  const { rows, models, tasks } = opts;
  const metrics = opts.metrics ?? ["acc", "acc_norm"];
  const shots = opts.shots ?? [0, 5];
  if (models.length === 0 || tasks.length === 0) throw new Error("need at least one model and one task");
  const random = createRandom(opts.seed).uniform;
  const skill = models.map(() => 0.5 + random() * 2);
  const difficulty = tasks.map(() => random() * 1.5);
  const cells = tasks.map((t) => csvCell(t.name));
  let emitted = 0;
  for (let rank = 0; emitted < rows; rank++) {
    let any = false;
    for (let m = 0; m < models.length && emitted < rows; m++) {
      const revision = revisionAt(models[m], rank);
      if (revision === null) continue;
      any = true;
      const horizon = models[m].finalStep ?? 143_000;
      const progress = revision === "" ? 1 : Math.log1p(Number(revision.slice(4))) / Math.log1p(horizon);
      const prefix = `${csvCell(models[m].name)},${revision},`;
      for (let t = 0; t < tasks.length && emitted < rows; t++) {
        const chance = tasks[t].chance ?? 0;
        const n = tasks[t].itemCount ?? 1000;
        const base = chance + (1 - chance) / (1 + Math.exp(-6 * (skill[m] * progress - difficulty[t])));
        for (const metric of metrics) {
          for (const shot of shots) {
            if (emitted >= rows) break;
            const p = round(Math.min(1, Math.max(0, base + (random() - 0.5) * 0.04 + shot * 0.002)), 4);
            const stderr = random() < 0.02 ? "" : String(round(Math.sqrt((p * (1 - p)) / Math.max(1, n - 1)), 6));
            yield `${prefix}${cells[t]},${metric},${p},${stderr},${n},${shot}`;
            emitted++;
          }
        }
      }
    }
    if (!any) throw new Error(`the models have only enough checkpoints for ${emitted} rows, not ${rows}`);
  }
}

/** The whole benchmark file: header plus `rows` lines, LF line ends. */
export function generateResultsCsv(opts: GenerateOptions): string {
  const lines = [BENCH_CSV_HEADER];
  for (const line of generateResultLines(opts)) lines.push(line);
  return `${lines.join("\n")}\n`;
}
