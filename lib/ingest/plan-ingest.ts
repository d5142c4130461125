import type { ModelFact, ParsedFile, ParsedResult } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";
import { RowKeyMap } from "./row-key-map";
import type { CheckpointPlan, IngestPlan, ModelPlan, RegistryLookup, RegistryMetric, RegistryTask, ResultColumns, TaskMetricPlan } from "./plan-types";
import { toCheckpoint } from "@/lib/ingest/to-checkpoint";
import { toFileStatedSource } from "@/lib/domain/file-stated-source";

function emptyColumns(): ResultColumns {
  return { model: [], revision: [], task: [], metric: [], shots: [], filter: [], value: [], stderr: [], n: [] };
}

/** A model the registry does not know: kept under the file's spelling, with whatever the file says. */
function modelFromFile(name: string, fact: ModelFact | undefined, fileName: string): ModelPlan {
  const flops = fact?.trainingFlops ?? null;
  return {
    name,
    family: fact?.family ?? null,
    parameters: fact?.parameters ?? null,
    trainingTokens: fact?.trainingTokens ?? null,
    trainingFlops: flops,
    flopsEstimated: false,
    tokensPerStep: null,
    finalStep: null,
    source: fact ? toFileStatedSource(fileName) : null,
    aliases: [name],
    overwrite: false,
  };
}

/** A known model without any scale fact, given the facts a file states (credited to the file; its family kept). */
function withStatedFacts(known: ModelPlan, fact: ModelFact, fileName: string): ModelPlan {
  const stated = modelFromFile(known.name, fact, fileName);
  return { ...known, parameters: stated.parameters, trainingTokens: stated.trainingTokens, trainingFlops: stated.trainingFlops, source: stated.source };
}

function hasScale(m: ModelPlan): boolean {
  return m.parameters !== null || m.trainingTokens !== null || m.trainingFlops !== null;
}

function checkBounds(fileName: string, r: ParsedResult, metric: RegistryMetric) {
  const { lowerBound: lo, upperBound: hi } = metric;
  if ((lo !== null && r.value < lo) || (hi !== null && r.value > hi)) {
    const range = `[${lo ?? "-inf"}, ${hi ?? "inf"}]`;
    throw new IngestError(fileName, `value ${r.value} of metric "${r.metric}" is outside its bounds ${range}`, r.source);
  }
}

function where(r: ParsedResult): string {
  if (r.source.line !== undefined) return `line ${r.source.line}`;
  return r.source.key ?? "an earlier entry";
}

/** What a file states besides its results, known before its first row (a streamed long CSV states none of it). */
export type FileFacts = Pick<ParsedFile, "format" | "modelFacts" | "metricFacts" | "directions">;

export type IngestPlanner = {
  /**
   * The plan of the next chunk of the file's results: the names no earlier chunk
   * planned (models, checkpoints, tasks, metrics, task-metric entries) and the
   * chunk's rows. Throws IngestError (naming file and line/key) for an
   * out-of-bounds value and for a result given again, in any chunk, with different numbers.
   */
  plan(results: readonly ParsedResult[]): IngestPlan;
  /** Every name planned so far, without rows: what the whole file stores. */
  whole(missingValues: number): IngestPlan;
  /** Each model of the file under its resolved name, with the file's first spelling of it. */
  spelledModels(): { name: string; spelling: string }[];
};

/**
 * Resolves a file's names against the registry chunk by chunk (see IngestPlanner),
 * so rows can be written while later ones are still read. Pure.
 */
export function createIngestPlanner(fileName: string, file: FileFacts, registry: RegistryLookup): IngestPlanner {
  const facts = new Map(file.modelFacts.map((f) => [f.model, f]));
  const fileMetrics = new Map(file.metricFacts.map((f) => [f.metric, f]));
  // what the file states about a metric the registry and the database do not know (Every Eval Ever metric_config)
  const metricFromFile = (name: string): RegistryMetric => {
    const fact = fileMetrics.get(name);
    return { name, higherIsBetter: fact?.higherIsBetter ?? null, lowerBound: fact?.lowerBound ?? null, upperBound: fact?.upperBound ?? null, kind: null };
  };
  const directions = new Map<string, TaskMetricPlan>();
  for (const d of file.directions) {
    const key = `${d.task}\u0000${d.metric}`;
    const earlier = directions.get(key);
    if (earlier && earlier.higherIsBetter !== d.higherIsBetter) {
      throw new IngestError(fileName, `says both that higher is and is not better for ${d.task} / ${d.metric}`, d.source);
    }
    directions.set(key, { task: d.task, metric: d.metric, higherIsBetter: d.higherIsBetter, directionSource: `${fileName}: ${d.source.key}`, chance: null, chanceSource: null });
  }
  const models = new Map<string, ModelPlan>();
  const byFileName = new Map<string, ModelPlan>();
  const spellings = new Map<string, string>();
  const checkpoints = new Map<string, CheckpointPlan>();
  const tasks = new Map<string, RegistryTask>();
  const metrics = new Map<string, RegistryMetric>();
  const pairs = new Map<string, TaskMetricPlan>();
  const groupTasks = new Set<string>();
  // each result once per checkpoint (the object stands for its model and revision), task, metric, shots and filter
  const seen = new RowKeyMap<ParsedResult>();
  const shots = new Set<number | null>();
  let firstChunk = true;

  const modelFor = (name: string, fresh: Set<ModelPlan>): ModelPlan => {
    const cached = byFileName.get(name);
    if (cached) return cached;
    const known = registry.resolveModel(name);
    const fact = facts.get(name);
    // a model known without any scale fact (stored from an earlier file that stated none) takes what this file states
    const resolved = known === null ? modelFromFile(name, fact, fileName) : !hasScale(known) && fact ? withStatedFacts(known, fact, fileName) : known;
    const plan = models.get(resolved.name) ?? { ...resolved, aliases: [...resolved.aliases] };
    if (!plan.aliases.includes(name)) plan.aliases.push(name);
    if (!spellings.has(plan.name)) spellings.set(plan.name, name);
    models.set(plan.name, plan);
    byFileName.set(name, plan);
    fresh.add(plan);
    return plan;
  };

  // toCheckpoint per (model, revision) once: a file repeats each checkpoint for every task and metric.
  const checkpointFor = new Map<ModelPlan, Map<string | null, CheckpointPlan>>();
  const resolveCheckpoint = (model: ModelPlan, revision: string | null, fresh: CheckpointPlan[]): CheckpointPlan => {
    let byRevision = checkpointFor.get(model);
    if (!byRevision) checkpointFor.set(model, (byRevision = new Map()));
    let checkpoint = byRevision.get(revision);
    if (!checkpoint) {
      const made = { model: model.name, ...toCheckpoint(revision, model) };
      const key = `${model.name}\u0000${made.revision}`;
      // two spellings of one revision ("main" and none) are the one checkpoint object
      checkpoint = checkpoints.get(key);
      if (!checkpoint) {
        checkpoints.set(key, (checkpoint = made));
        fresh.push(made);
      }
      byRevision.set(revision, checkpoint);
    }
    return checkpoint;
  };

  const plan = (results: readonly ParsedResult[]): IngestPlan => {
    const rows = emptyColumns();
    const freshModels = new Set<ModelPlan>();
    const freshCheckpoints: CheckpointPlan[] = [];
    const freshTasks: RegistryTask[] = [];
    const freshMetrics: RegistryMetric[] = [];
    const freshPairs = new Map<string, TaskMetricPlan>();
    const freshGroups: string[] = [];
    if (firstChunk) for (const [key, d] of directions) freshPairs.set(key, d);
    firstChunk = false;
    for (const r of results) {
      const model = modelFor(r.model, freshModels);
      const checkpoint = resolveCheckpoint(model, r.revision, freshCheckpoints);
      let metric = metrics.get(r.metric);
      if (metric === undefined) {
        metric = registry.metric(r.metric) ?? metricFromFile(r.metric);
        metrics.set(r.metric, metric);
        freshMetrics.push(metric);
      }
      if (!tasks.has(r.task)) {
        const task = registry.task(r.task) ?? { name: r.task, suite: null, chance: null, chanceSource: null, itemCount: null };
        tasks.set(r.task, task);
        freshTasks.push(task);
      }
      if (r.isGroup && !groupTasks.has(r.task)) {
        groupTasks.add(r.task);
        freshGroups.push(r.task);
      }
      const pair = `${r.task}\u0000${r.metric}`;
      if (!pairs.has(pair)) {
        // the registry's chance for the pair joined with the file's direction (already planned with the first chunk)
        const entry = registry.taskMetric?.(r.task, r.metric) ?? null;
        const stated = directions.get(pair) ?? { task: r.task, metric: r.metric, higherIsBetter: null, directionSource: null, chance: null, chanceSource: null };
        const planned = entry === null ? stated : { ...stated, chance: entry.chance, chanceSource: entry.chanceSource };
        pairs.set(pair, planned);
        if (entry !== null) freshPairs.set(pair, planned);
      }
      checkBounds(fileName, r, metric);

      const earlier = seen.claim(checkpoint, r.task, r.metric, r.shots, r.filter, null, r);
      if (earlier) {
        if (earlier.value !== r.value || earlier.stderr !== r.stderr || earlier.n !== r.n) {
          throw new IngestError(
            fileName,
            `result for ${r.model} / ${r.task} / ${r.metric} given twice with different values (${earlier.value} at ${where(earlier)}, ${r.value} here)`,
            r.source,
          );
        }
        continue;
      }
      shots.add(r.shots);
      rows.model.push(model.name);
      rows.revision.push(checkpoint.revision);
      rows.task.push(r.task);
      rows.metric.push(r.metric);
      rows.shots.push(r.shots);
      rows.filter.push(r.filter);
      rows.value.push(r.value);
      rows.stderr.push(r.stderr);
      rows.n.push(r.n);
    }
    const modelList = [...freshModels];
    return {
      fileName,
      format: file.format,
      models: modelList,
      checkpoints: freshCheckpoints,
      tasks: freshTasks,
      groupTasks: freshGroups,
      metrics: freshMetrics,
      taskMetrics: [...freshPairs.values()],
      rows,
      unknownScaleModels: modelList.filter((m) => !hasScale(m)).map((m) => m.name),
      missingValues: 0,
    };
  };

  const whole = (missingValues: number): IngestPlan => {
    const modelList = [...models.values()];
    const rows = emptyColumns();
    rows.shots = [...shots];
    return {
      fileName,
      format: file.format,
      models: modelList,
      checkpoints: [...checkpoints.values()],
      tasks: [...tasks.values()],
      groupTasks: [...groupTasks],
      metrics: [...metrics.values()],
      taskMetrics: [...directions.values(), ...[...pairs].filter(([key]) => !directions.has(key)).map(([, p]) => p)].filter((p) => p.higherIsBetter !== null || p.chanceSource !== null),
      rows,
      unknownScaleModels: modelList.filter((m) => !hasScale(m)).map((m) => m.name),
      missingValues,
    };
  };

  return { plan, whole, spelledModels: () => [...spellings].map(([name, spelling]) => ({ name, spelling })) };
}

/**
 * Resolves every name in a parsed file against the registry and lays the rows out
 * for one bulk insert: the file as one chunk of createIngestPlanner. Pure: throws
 * IngestError (naming file and line/key) for out-of-bounds values and for the same
 * result given twice with different numbers.
 */
export function planIngest(fileName: string, parsed: ParsedFile, registry: RegistryLookup): IngestPlan {
  return { ...createIngestPlanner(fileName, parsed, registry).plan(parsed.results), missingValues: parsed.missingValues };
}
