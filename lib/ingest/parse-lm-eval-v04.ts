import { type ModelFact, type ParsedFile, type ParsedResultDraft } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";
import { toCheckedFile } from "./check-parsed-file";
import { describe, toJsonNumber, toStderr } from "./json-number";
import { parseModelArgs, toRevision } from "./model-args";
import { toShotsLookup } from "./group-shots";
import { isJsonObject, parseJsonLenient, type JsonObject, type JsonValue } from "./parse-json-lenient";
import { HARNESS_BACKENDS } from "./parse-lm-eval-v03";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";

type Identity = { model: string; revision: string | null };

/**
 * lm-evaluation-harness v0.4+ `results_<timestamp>.json`. Metric keys are
 * `"<metric>,<filter>"` with companions `"<metric>_stderr,<filter>"`; keys
 * without a comma (`alias`, ...) are labels. Group aggregates (`groups`, e.g.
 * mmlu) become results of the group's name marked `isGroup`, so they are never
 * counted again beside their subtasks; a `results` entry is a group too when
 * `group_subtasks` lists subtasks under its name. When a version repeats a group
 * inside `results` and `groups`, identical values are kept once.
 */
export function parseLmEvalV04(fileName: string, text: string): ParsedFile {
  return parseLmEvalV04Doc(fileName, parseJsonLenient(fileName, text));
}

/** The same, from the document already read (an upload parses its body once). */
export function parseLmEvalV04Doc(fileName: string, doc: JsonValue, opts: ParseOptions = {}): ParsedFile {
  if (!isJsonObject(doc)) throw new IngestError(fileName, "expected a JSON object at the top level");
  if (!isJsonObject(doc.results)) throw new IngestError(fileName, "expected an object", { key: "results" });
  const config = isJsonObject(doc.config) ? doc.config : {};
  const identity = readIdentity(fileName, doc, config);
  const nShot = isJsonObject(doc["n-shot"]) ? doc["n-shot"] : {};
  const nSamples = isJsonObject(doc["n-samples"]) ? doc["n-samples"] : {};
  const groupSubtasks = isJsonObject(doc.group_subtasks) ? doc.group_subtasks : {};
  const shotsFor = toShotsLookup(fileName, nShot, groupSubtasks);
  const groups = isJsonObject(doc.groups) ? doc.groups : {};
  const groupNames = new Set([...Object.keys(groups), ...Object.keys(groupSubtasks).filter((g) => isNonEmptyArray(groupSubtasks[g]))]);

  const collector = new ResultCollector(fileName, opts.maxRows);
  const sections: Array<[string, JsonObject]> = [["results", doc.results]];
  if (isJsonObject(doc.groups)) sections.push(["groups", groups]);
  for (const [section, tasks] of sections) {
    for (const [task, metrics] of Object.entries(tasks)) {
      const where = `${section}.${task}`;
      if (!isJsonObject(metrics)) throw new IngestError(fileName, "expected an object of metrics", { key: where });
      const shots = shotsFor(task);
      const n = readN(fileName, nSamples, task);
      addTask(fileName, collector, identity, { task, where, metrics, shots, n, isGroup: groupNames.has(task) });
    }
  }
  return toCheckedFile(fileName, {
    format: "lm-eval-v0.4",
    results: collector.results,
    modelFacts: readModelFacts(fileName, identity.model, config),
    directions: readDirections(fileName, doc.higher_is_better, collector.results),
    missingValues: collector.missingValues,
  });
}

interface TaskBlock {
  task: string;
  where: string;
  metrics: JsonObject;
  shots: number | null;
  n: number | null;
  isGroup: boolean;
}

const isNonEmptyArray = (value: JsonValue | undefined) => Array.isArray(value) && value.length > 0;

function addTask(fileName: string, collector: ResultCollector, identity: Identity, block: TaskBlock): void {
  for (const [key, raw] of Object.entries(block.metrics)) {
    const comma = key.indexOf(",");
    if (comma < 0) continue;
    const metric = key.slice(0, comma);
    const filter = key.slice(comma + 1);
    if (metric.endsWith("_stderr")) continue;
    const at = `${block.where}.${key}`;
    if (metric === "" || filter === "") throw new IngestError(fileName, "malformed metric key", { key: at });
    const read = raw === "N/A" ? ({ kind: "missing" } as const) : toJsonNumber(fileName, raw, at);
    if (read.kind === "missing") {
      collector.skipMissing();
      continue;
    }
    const stderrKey = `${metric}_stderr,${filter}`;
    collector.add({
      ...identity,
      task: block.task,
      metric,
      filter,
      shots: block.shots,
      value: read.value,
      stderr: toStderr(fileName, block.metrics[stderrKey], `${block.where}.${stderrKey}`),
      n: block.n,
      isGroup: block.isGroup,
      source: { key: at },
    });
  }
}

function readIdentity(fileName: string, doc: JsonObject, config: JsonObject): Identity {
  const fromArgs = parseModelArgs(config.model_args);
  const revision = fromArgs.revision ?? toRevision(config.model_revision);
  const candidates = [fromArgs.model, doc.model_name, config.model];
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const name = candidate.trim();
    if (name !== "" && !HARNESS_BACKENDS.has(name)) return { model: name, revision };
  }
  throw new IngestError(fileName, "missing model identity: no pretrained= in model_args and no model_name", {
    key: "config.model_args",
  });
}

/**
 * `higher_is_better`: task → metric (without its filter) → boolean. Kept for the
 * metrics the file has results for; anything but a boolean is refused by its key.
 */
function readDirections(fileName: string, raw: JsonValue | undefined, results: ParsedResultDraft[]): ParsedFile["directions"] {
  if (raw === undefined || raw === null) return [];
  if (!isJsonObject(raw)) throw new IngestError(fileName, "expected an object of tasks", { key: "higher_is_better" });
  const scored = new Set(results.map((r) => `${r.task}\u0000${r.metric}`));
  const out: ParsedFile["directions"] = [];
  for (const [task, metrics] of Object.entries(raw)) {
    if (!isJsonObject(metrics)) throw new IngestError(fileName, "expected an object of metrics", { key: `higher_is_better.${task}` });
    for (const [metric, value] of Object.entries(metrics)) {
      const key = `higher_is_better.${task}.${metric}`;
      if (typeof value !== "boolean") throw new IngestError(fileName, `expected true or false, found ${describe(value)}`, { key });
      if (scored.has(`${task}\u0000${metric}`)) out.push({ task, metric, higherIsBetter: value, source: { key } });
    }
  }
  return out;
}

/** n = `n-samples[task].effective` (items actually scored, after --limit). */
function readN(fileName: string, nSamples: JsonObject, task: string): number | null {
  const entry = Object.hasOwn(nSamples, task) ? nSamples[task] : undefined;
  if (entry === undefined) return null;
  const effective = isJsonObject(entry) ? entry.effective : undefined;
  if (typeof effective === "number" && Number.isInteger(effective) && effective > 0) return effective;
  throw new IngestError(fileName, `expected a positive integer, found ${describe(effective)}`, {
    key: `n-samples.${task}.effective`,
  });
}

function readModelFacts(fileName: string, model: string, config: JsonObject): ModelFact[] {
  const raw = config.model_num_parameters;
  if (raw === undefined || raw === null) return [];
  const key = "config.model_num_parameters";
  const read = toJsonNumber(fileName, raw, key);
  if (read.kind === "missing" || read.value <= 0) return [];
  return [{ model, family: null, developer: null, parameters: read.value, trainingTokens: null, trainingFlops: null, source: { key } }];
}
