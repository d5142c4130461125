import { CLEAN, CSV_NUMBERS, choose, JSON_NUMBERS, NAMES, obj, raw, str, write, type Node, type Random } from "./hostile-json";

// Generators of hostile files in the formats of issue 13 (Inspect logs, Every
// Eval Ever records, OpenCompass summaries, HELM stats, lm-eval samples), for
// the seeded fuzz test: clean with the file's hostility 0, else odd names,
// extreme numbers, wrong types, duplicate keys.

const num = (r: Random) => raw(choose(r, CLEAN.json, JSON_NUMBERS));
const name = (r: Random) => str(choose(r, CLEAN.names, NAMES));
const list = (r: Random, max: number, item: (i: number) => Node): Node => ({ items: Array.from({ length: 1 + r.int(max) }, (_, i) => item(i)) });

function inspectLog(r: Random): string {
  const scorer = choose(r, ["choice", "match"], NAMES);
  const metrics = obj(r, [["accuracy", obj(r, [["name", str("accuracy")], ["value", num(r)]])], ["stderr", obj(r, [["value", num(r)]])]]);
  const score = obj(r, [["name", str(scorer)], ["scorer", str(scorer)], ...(r.next() < 0.2 ? [["reducer", name(r)] as [string, Node]] : []), ["metrics", metrics]]);
  const results = obj(r, [["completed_samples", raw(choose(r, ["3", "10"], ["0", "-1", "2.5", '"3"']))], ["scores", list(r, 2, () => score)]]);
  const sample = (i: number) =>
    obj(r, [
      ["id", raw(choose(r, [String(i + 1), `"s${i}"`], ["-1", "null", "{}", "1.5"]))],
      ["epoch", raw(choose(r, ["1", "2"], ["0", "-3", '"1"']))],
      ["target", name(r)],
      ["scores", obj(r, [[scorer, obj(r, [["value", raw(choose(r, ['"C"', '"I"', '"P"', "0.5"], JSON_NUMBERS))]])]])],
      ["output", obj(r, [["completion", name(r)]])],
    ]);
  const evalInfo = obj(r, [["task", name(r)], ["model", str(choose(r, ["ollama/qwen2.5:0.5b", "openai/gpt-4o"], NAMES))], ["config", obj(r, [["epochs", raw(choose(r, ["1"], ["0", "2.5", "1e9"]))]])]]);
  const status = str(choose(r, ["success"], ["error", "started", "cancelled"]));
  return write(obj(r, [["version", raw("2")], ["status", status], ["eval", evalInfo], ["results", results], ["samples", list(r, 4, sample)]]));
}

function eeeRecord(r: Random): string {
  const details = obj(r, [["params_billions", raw(choose(r, ["8.357", '"0.162"'], [...JSON_NUMBERS, '"eight"']))]]);
  const info = obj(r, [["id", str(choose(r, ["org/model-7b", "EleutherAI/pythia-160m"], NAMES))], ["developer", name(r)], ["additional_details", details]]);
  const result = () =>
    obj(r, [
      ["evaluation_name", name(r)],
      ["metric_config", obj(r, [["evaluation_description", name(r)], ["lower_is_better", raw(choose(r, ["false", "true"], ['"no"', "null", "0"]))], ["min_score", raw(choose(r, ["0"], JSON_NUMBERS))], ["max_score", raw(choose(r, ["1"], JSON_NUMBERS))]])],
      ["score_details", obj(r, [["score", num(r)], ["uncertainty", obj(r, [["standard_error", obj(r, [["value", num(r)]])], ["num_samples", raw(choose(r, ["100"], ["0", "-5", "2.5"]))]])]])],
    ]);
  return write(obj(r, [["schema_version", str(choose(r, ["0.2.0", "0.2.1"], ["0.1.0", "2"]))], ["model_info", info], ["evaluation_results", list(r, 4, result)]]));
}

function eeeLines(r: Random): string {
  return Array.from({ length: 1 + r.int(4) }, () => eeeRecord(r)).join(r.next() < 0.2 ? "\r\n" : "\n") + "\n";
}

function openCompassCsv(r: Random): string {
  const models = Array.from({ length: 1 + r.int(4) }, (_, i) => (r.next() < 0.9 ? `model-${i}b-hf` : choose(r, ["m"], NAMES).replace(/[",\n\r]/g, "_")));
  const lines = [["dataset", "version", "metric", "mode", ...models].join(",")];
  for (let i = 0, n = r.int(20); i < n; i++) {
    const label = r.next() < 0.1;
    const head = label ? ["--- Section ---", "-", "-", "-"] : [choose(r, CLEAN.names, NAMES).replace(/[",\n\r]/g, "_"), r.pick(["-", "1d7fe4"]), r.pick(["accuracy", "naive_average", "-"]), r.pick(["gen", "ppl", "-"])];
    lines.push([...head, ...models.map(() => (label && r.next() > r.hostile ? "-" : choose(r, ["45.25", "-", "12.00"], CSV_NUMBERS)))].join(","));
  }
  return lines.join("\n") + "\n";
}

function helmStats(r: Random): string {
  const stat = () => {
    const perturbation: [string, Node][] = r.next() < 0.3 ? [["perturbation", obj(r, [["name", str(r.pick(["robustness", "fairness"]))], ["computed_on", str("worst")]])]] : [];
    const statName = obj(r, [["name", str(choose(r, ["exact_match", "f1_score", "num_instances"], NAMES))], ["split", str(choose(r, ["test", "valid"], ["train", "", "5"]))], ...perturbation]);
    return obj(r, [["name", statName], ["count", raw(choose(r, ["1", "0"], ["-1", "1.5", '"1"']))], ["mean", raw(choose(r, [...CLEAN.json, "1.1e-308"], JSON_NUMBERS))]]);
  };
  return write(list(r, 12, stat));
}

function samplesLines(r: Random): string {
  const line = (i: number) =>
    write(obj(r, [
      ["doc_id", raw(choose(r, [String(i)], ["-1", "1.5", '"x"', "null"]))],
      ["doc_hash", str(`h${i}`)],
      ["target", name(r)],
      ["filtered_resps", { items: [name(r)] }],
      ["filter", str(choose(r, ["none", "strict-match"], NAMES))],
      ["metrics", { items: [str("exact_match")] }],
      ["exact_match", num(r)],
    ]));
  return Array.from({ length: 1 + r.int(6) }, (_, i) => line(i)).join("\n") + "\n";
}

/** The generators by kind, with the file name extension each kind has. */
export const FORMAT_KINDS: Record<string, { ext: string; make: (r: Random) => string }> = {
  "inspect-log": { ext: "json", make: inspectLog },
  "every-eval-ever": { ext: "json", make: eeeRecord },
  "every-eval-ever-lines": { ext: "jsonl", make: eeeLines },
  "opencompass-csv": { ext: "csv", make: openCompassCsv },
  "helm-stats": { ext: "json", make: helmStats },
  "lm-eval-samples": { ext: "jsonl", make: samplesLines },
};
