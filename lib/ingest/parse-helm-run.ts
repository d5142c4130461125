import type { ParsedFileWithItems, ParsedItem } from "@/lib/schemas/parsed-items";
import { toCheckedFile } from "./check-parsed-file";
import { chooseHelmSplit, HELM_BOOKKEEPING, toHelmMean, toHelmStat, type HelmStat } from "./helm-stats";
import { IngestError } from "./ingest-error";
import { describe } from "./json-number";
import { isJsonObject, parseJsonLenient, type JsonObject, type JsonValue } from "./parse-json-lenient";
import { readShots } from "./parse-lm-eval-v03";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";
import { toParsedItem } from "./validate-parsed-item";

/** The files of one HELM run folder, by name (`run_spec.json`, `stats.json`, optionally `per_instance_stats.json`), as text. */
export type HelmRunFiles = Record<string, string | undefined>;

/** Whether a folder's file names make it a HELM run folder. */
export function isHelmRunFolder(fileNames: Iterable<string>): boolean {
  const names = new Set(fileNames);
  return names.has("run_spec.json") && names.has("stats.json");
}

function readJson(folder: string, files: HelmRunFiles, name: string, opts: ParseOptions): JsonValue {
  const text = files[name];
  if (text === undefined) throw new IngestError(folder, `a HELM run folder needs ${name}`);
  return parseJsonLenient(`${folder}/${name}`, text, { prototypeKeys: opts.prototypeKeys });
}

/**
 * The task: the run's name without its model (`mmlu:subject=philosophy,
 * method=multiple_choice_joint,model=openai_gpt2` → `mmlu:subject=philosophy,
 * method=multiple_choice_joint`), so runs of different models meet on one task.
 */
function readTask(fileName: string, runSpec: JsonObject): string {
  if (typeof runSpec.name !== "string" || runSpec.name.trim() === "") {
    throw new IngestError(fileName, `expected the run's name, found ${describe(runSpec.name)}`, { key: "name" });
  }
  const colon = runSpec.name.indexOf(":");
  if (colon === -1) return runSpec.name;
  const args = runSpec.name.slice(colon + 1).split(",").filter((arg) => !arg.startsWith("model=") && !arg.startsWith("model_deployment="));
  return args.length === 0 ? runSpec.name.slice(0, colon) : `${runSpec.name.slice(0, colon)}:${args.join(",")}`;
}

function readStats(fileName: string, doc: JsonValue, where: string, perturbation?: JsonValue): Array<{ stat: HelmStat; key: string }> {
  if (!Array.isArray(doc)) throw new IngestError(fileName, `expected a list of stats, found ${describe(doc)}`, { key: where });
  return doc.map((raw, i) => {
    const key = `${where}.${i}`;
    return { stat: toHelmStat(fileName, raw, key, perturbation), key };
  });
}

/** n = the split's `num_instances` (items scored), when the run states it. */
function readInstances(stats: Array<{ stat: HelmStat }>, split: string): number | null {
  const found = stats.find(({ stat }) => stat.metric === "num_instances" && stat.split === split && stat.filter === "none");
  const n = found?.stat.mean;
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * A HELM run folder: the model from `run_spec.json` `adapter_spec.model`, shots
 * from `max_train_instances`, and from `stats.json` every score of the main
 * split (see chooseHelmSplit) with n from its `num_instances`. Robustness and
 * fairness variants are kept apart under a filter naming the perturbation (see
 * toHelmFilter), never mixed with the main score ("none"). HELM's stddev is over
 * trials, not items, so stderr is null. `per_instance_stats.json`, when given,
 * becomes items. Errors name `<folder>/<file>` and the key.
 */
export function parseHelmRun(folder: string, files: HelmRunFiles, opts: ParseOptions = {}): ParsedFileWithItems {
  const runSpec = readJson(folder, files, "run_spec.json", opts);
  const specFile = `${folder}/run_spec.json`;
  if (!isJsonObject(runSpec) || !isJsonObject(runSpec.adapter_spec)) throw new IngestError(specFile, "expected an object", { key: "adapter_spec" });
  const model = runSpec.adapter_spec.model;
  if (typeof model !== "string" || model.trim() === "") throw new IngestError(specFile, `expected the model, found ${describe(model)}`, { key: "adapter_spec.model" });
  const task = readTask(specFile, runSpec);
  const shots = readShots(specFile, runSpec.adapter_spec.max_train_instances, "adapter_spec.max_train_instances");

  const statsFile = `${folder}/stats.json`;
  const stats = readStats(statsFile, readJson(folder, files, "stats.json", opts), "stats.json");
  const split = chooseHelmSplit(statsFile, new Set(stats.map(({ stat }) => stat.split)));
  const n = readInstances(stats, split);
  const collector = new ResultCollector(folder, opts.maxRows);
  for (const { stat, key } of stats) {
    if (stat.split !== split || HELM_BOOKKEEPING.has(stat.metric)) continue;
    const read = toHelmMean(statsFile, stat, `${key}.mean`);
    if (read.kind === "missing") {
      collector.skipMissing();
      continue;
    }
    const row = { model, revision: null, task, metric: stat.metric, filter: stat.filter, shots, value: read.value, stderr: null };
    // a sub-split is a breakdown of the split: its instances are a part of n, how many the file does not say
    collector.add({ ...row, n: stat.subSplit ? null : n, source: { key } });
  }
  const file = toCheckedFile(folder, { format: "helm-run", results: collector.results, modelFacts: [], missingValues: collector.missingValues });
  const perInstance = files["per_instance_stats.json"];
  const items = perInstance === undefined ? [] : readItems(folder, parseJsonLenient(`${folder}/per_instance_stats.json`, perInstance, opts), task, split);
  return { file, items };
}

/** per_instance_stats.json: one item per instance, trial and filter, with the main split's scores. */
function readItems(folder: string, doc: JsonValue, task: string, split: string): ParsedItem[] {
  const fileName = `${folder}/per_instance_stats.json`;
  if (!Array.isArray(doc)) throw new IngestError(fileName, `expected a list of instances, found ${describe(doc)}`);
  const items: ParsedItem[] = [];
  doc.forEach((entry, i) => {
    const key = `per_instance_stats.json.${i}`;
    if (!isJsonObject(entry)) throw new IngestError(fileName, `expected an instance, found ${describe(entry)}`, { key });
    const docId = entry.instance_id;
    if (typeof docId !== "string" || docId === "") throw new IngestError(fileName, `expected an instance id, found ${describe(docId)}`, { key: `${key}.instance_id` });
    const trial = readShots(fileName, entry.train_trial_index ?? 0, `${key}.train_trial_index`) ?? 0;
    const byFilter = new Map<string, Record<string, number | null>>();
    for (const { stat, key: statKey } of readStats(fileName, entry.stats, `${key}.stats`, entry.perturbation)) {
      if (stat.split !== split || HELM_BOOKKEEPING.has(stat.metric)) continue;
      const read = toHelmMean(fileName, stat, `${statKey}.mean`);
      const metrics = byFilter.get(stat.filter) ?? {};
      metrics[stat.metric] = read.kind === "value" ? read.value : null;
      byFilter.set(stat.filter, metrics);
    }
    for (const [filter, metrics] of byFilter) {
      const draft = { task, docId, docHash: null, epoch: trial + 1, filter, metrics, target: null, response: null, source: { key } };
      items.push(toParsedItem(fileName, draft));
    }
  });
  return items;
}
