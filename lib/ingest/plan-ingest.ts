import type { ModelFact, ParsedFile, ParsedResult } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";
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

/**
 * The file's direction per task and metric (lm-eval v0.4 `higher_is_better`), the
 * same pair stated twice differently refused by its key, joined with the registry's
 * chance level for the pair when it lists one.
 */
function planTaskMetrics(fileName: string, parsed: ParsedFile, registry: RegistryLookup): TaskMetricPlan[] {
  const plans = new Map<string, TaskMetricPlan>();
  for (const d of parsed.directions) {
    const key = `${d.task}\u0000${d.metric}`;
    const earlier = plans.get(key);
    if (earlier && earlier.higherIsBetter !== d.higherIsBetter) {
      throw new IngestError(fileName, `says both that higher is and is not better for ${d.task} / ${d.metric}`, d.source);
    }
    plans.set(key, { task: d.task, metric: d.metric, higherIsBetter: d.higherIsBetter, directionSource: `${fileName}: ${d.source.key}`, chance: null, chanceSource: null });
  }
  const pairs = new Set(parsed.results.map((r) => `${r.task}\u0000${r.metric}`));
  for (const pair of pairs) {
    const [task, metric] = pair.split("\u0000");
    const entry = registry.taskMetric?.(task, metric) ?? null;
    if (entry === null) continue;
    const plan = plans.get(pair) ?? { task, metric, higherIsBetter: null, directionSource: null, chance: null, chanceSource: null };
    plans.set(pair, { ...plan, chance: entry.chance, chanceSource: entry.chanceSource });
  }
  return [...plans.values()];
}

/**
 * Resolves every name in a parsed file against the registry and lays the rows out
 * for one bulk insert. Pure: throws IngestError (naming file and line/key) for
 * out-of-bounds values and for the same result given twice with different numbers.
 */
export function planIngest(fileName: string, parsed: ParsedFile, registry: RegistryLookup): IngestPlan {
  const facts = new Map(parsed.modelFacts.map((f) => [f.model, f]));
  const fileMetrics = new Map(parsed.metricFacts.map((f) => [f.metric, f]));
  // what the file states about a metric the registry and the database do not know (Every Eval Ever metric_config)
  const metricFromFile = (name: string): RegistryMetric => {
    const fact = fileMetrics.get(name);
    return { name, higherIsBetter: fact?.higherIsBetter ?? null, lowerBound: fact?.lowerBound ?? null, upperBound: fact?.upperBound ?? null, kind: null };
  };
  const models = new Map<string, ModelPlan>();
  const byFileName = new Map<string, ModelPlan>();
  const checkpoints = new Map<string, CheckpointPlan>();
  const tasks = new Map<string, RegistryTask>();
  const metrics = new Map<string, RegistryMetric>();
  const seen = new Map<string, ParsedResult>();
  const rows = emptyColumns();

  const modelFor = (name: string): ModelPlan => {
    const cached = byFileName.get(name);
    if (cached) return cached;
    const known = registry.resolveModel(name);
    const fact = facts.get(name);
    // a model known without any scale fact (stored from an earlier file that stated none) takes what this file states
    const resolved = known === null ? modelFromFile(name, fact, fileName) : !hasScale(known) && fact ? withStatedFacts(known, fact, fileName) : known;
    const plan = models.get(resolved.name) ?? { ...resolved, aliases: [...resolved.aliases] };
    if (!plan.aliases.includes(name)) plan.aliases.push(name);
    models.set(plan.name, plan);
    byFileName.set(name, plan);
    return plan;
  };

  // toCheckpoint per (model, revision) once: a file repeats each checkpoint for every task and metric.
  const checkpointFor = new Map<ModelPlan, Map<string | null, CheckpointPlan>>();
  const resolveCheckpoint = (model: ModelPlan, revision: string | null): CheckpointPlan => {
    let byRevision = checkpointFor.get(model);
    if (!byRevision) checkpointFor.set(model, (byRevision = new Map()));
    let checkpoint = byRevision.get(revision);
    if (!checkpoint) {
      checkpoint = {
        model: model.name,
        ...toCheckpoint(revision, model),
      };
      byRevision.set(revision, checkpoint);
      checkpoints.set(`${model.name}\u0000${checkpoint.revision}`, checkpoint);
    }
    return checkpoint;
  };

  for (const r of parsed.results) {
    const model = modelFor(r.model);
    const checkpoint = resolveCheckpoint(model, r.revision);
    const metric = metrics.get(r.metric) ?? registry.metric(r.metric) ?? metricFromFile(r.metric);
    metrics.set(r.metric, metric);
    if (!tasks.has(r.task)) {
      tasks.set(r.task, registry.task(r.task) ?? { name: r.task, suite: null, chance: null, chanceSource: null, itemCount: null });
    }
    checkBounds(fileName, r, metric);

    const key = [model.name, checkpoint.revision, r.task, r.metric, r.shots ?? "", r.filter].join("\u0000");
    const earlier = seen.get(key);
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
    seen.set(key, r);
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

  const modelList = [...models.values()];
  return {
    taskMetrics: planTaskMetrics(fileName, parsed, registry),
    fileName,
    format: parsed.format,
    models: modelList,
    checkpoints: [...checkpoints.values()],
    tasks: [...tasks.values()],
    groupTasks: [...new Set(parsed.results.filter((r) => r.isGroup).map((r) => r.task))],
    metrics: [...metrics.values()],
    rows,
    unknownScaleModels: modelList.filter((m) => !hasScale(m)).map((m) => m.name),
    missingValues: parsed.missingValues,
  };
}
