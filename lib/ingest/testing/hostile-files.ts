import { CLEAN, CSV_NUMBERS, choose, JSON_NUMBERS, NAMES, obj, raw, str, write, type Node, type Random } from "./hostile-json";
import { FORMAT_KINDS } from "./hostile-format-files";
import { seededRandom } from "./seeded-random";

// Generated hostile input files for the parsers' fuzz test (issue 10): deep and
// cyclic groups, long cells, huge headers, odd Unicode, extreme numbers,
// duplicate keys, truncated or corrupted JSON, BOMs, NaN literals. Seeded: the
// same seed gives the same files.

export type HostileFile = { kind: string; name: string; text: string };

/** One long cell now and then: over the cell limit, or just under it. */
const LONG_CELLS = ["1".repeat(60_000) + "x", "1".repeat(5000), "2".repeat(4096), `"${"q".repeat(4097)}"`];
const WIDE_COLUMNS = [
  "MMLU", "ARC-C", "HellaSwag", "Model Size (B)", "Pretraining Data Size (T)", "FLOPs (1E21)", "Model Family", "task_2_acc",
  "x_1_a", "hellaswag/acc_norm", "Average", "constructor", "__proto__", "t\u202E_0_acc", "a:b:c",
];

function metrics(r: Random, v04: boolean): Node {
  const entries: [string, Node][] = [];
  for (let i = 0, n = 1 + r.int(4); i < n; i++) {
    const metric = r.next() < 0.8 ? r.pick(["acc", "acc_norm", "exact_match", "perplexity"]) : choose(r, CLEAN.names, NAMES);
    const filter = v04 ? `,${r.next() < 0.8 ? "none" : choose(r, CLEAN.names, NAMES)}` : "";
    entries.push([`${metric}${filter}`, raw(choose(r, CLEAN.json, JSON_NUMBERS))]);
    if (r.next() < 0.5) entries.push([`${metric}_stderr${filter}`, raw(choose(r, CLEAN.json, JSON_NUMBERS))]);
  }
  if (v04 && r.next() < 0.5) entries.push(["alias", str(choose(r, CLEAN.names, NAMES))]);
  return obj(r, entries);
}

/** group_subtasks: a chain up to 24 deep with fan-out up to 8, or a random graph that may hold cycles. */
function groups(r: Random, tasks: string[]): Node {
  const entries: [string, Node][] = [];
  if (r.next() < 0.5) {
    const depth = 1 + r.int(24);
    const fan = 1 + r.int(8);
    for (let i = 0; i < depth; i++) entries.push([`g${i}`, { items: Array.from({ length: fan }, () => str(i + 1 < depth ? `g${i + 1}` : r.pick(tasks))) }]);
  } else {
    const n = 1 + r.int(12);
    const names = [...Array.from({ length: n }, (_, i) => `g${i}`), ...tasks];
    for (let i = 0; i < n; i++) entries.push([`g${i}`, { items: Array.from({ length: r.int(6) }, () => (r.next() < 0.9 ? str(r.pick(names)) : raw(choose(r, CLEAN.json, JSON_NUMBERS)))) }]);
  }
  return obj(r, entries);
}

function lmEval(r: Random, v04: boolean): string {
  const tasks = Array.from({ length: 1 + r.int(5) }, () => (r.next() < 0.7 ? `task${r.int(20)}` : choose(r, CLEAN.names, NAMES)));
  const results = obj(r, tasks.map((t): [string, Node] => [t, metrics(r, v04)]));
  const modelArgs = r.next() < 0.8 ? `pretrained=${choose(r, ["EleutherAI/pythia-70m", "org/m"], NAMES)},revision=${choose(r, ["step1000", "main"], [`step${"9".repeat(r.int(20))}`, ...NAMES])}` : choose(r, CLEAN.names, NAMES);
  const config = obj(r, [["model_args", str(modelArgs)], ["model", str(choose(r, ["hf", "gpt2"], NAMES))], ["num_fewshot", raw(choose(r, ["0", "5"], ["-1", "1e9", "NaN"]))]]);
  const top: [string, Node][] = [["results", results], ["config", config]];
  if (v04) {
    top.push(["n-shot", obj(r, tasks.map((t): [string, Node] => [t, raw(choose(r, ["0", "5", "null"], ["-1", "2.5", "1e10"]))]))]);
    if (r.next() < 0.7) top.push(["group_subtasks", groups(r, tasks)]);
    if (r.next() < 0.3) top.push(["groups", obj(r, [[r.pick(["g0", "g1", ...tasks]), metrics(r, true)]])]);
    if (r.next() < 0.4) top.push(["n-samples", obj(r, tasks.map((t): [string, Node] => [t, obj(r, [["effective", raw(choose(r, CLEAN.json, JSON_NUMBERS))]])]))]);
    if (r.next() < 0.5) top.push(["lm_eval_version", str("0.4.3")]);
  } else {
    top.push(["versions", obj(r, tasks.map((t): [string, Node] => [t, raw("0")]))]);
  }
  return write(obj(r, top));
}

function csvLong(r: Random): string {
  const columns = ["model", "task", "metric", "value", ...["stderr", "n", "shots", "filter", "revision", "notes"].filter(() => r.next() < 0.4)];
  const lines = [columns.join(",")];
  for (let i = 0, n = r.int(30); i < n; i++) {
    lines.push(columns.map((c) => (["value", "stderr", "n", "shots"].includes(c) ? choose(r, CLEAN.csv, CSV_NUMBERS) : r.next() < 0.85 ? `${c}${r.int(5)}` : choose(r, CLEAN.names, NAMES).replace(/[",\n\r]/g, "_"))).join(","));
  }
  if (r.next() < 0.05) lines.push(`m,t,acc,${choose(r, CLEAN.csv, LONG_CELLS)}`);
  return lines.join(r.next() < 0.2 ? "\r\n" : "\n") + "\n";
}

function csvWide(r: Random): string {
  const picked = Array.from({ length: 1 + r.int(6) }, () => choose(r, ["MMLU", "ARC-C", "HellaSwag", "GSM8K", "task_2_acc", "Model Size (B)"], WIDE_COLUMNS));
  // a repeated column is refused: keep repeats only in hostile files
  const columns = ["Model", ...(r.next() < r.hostile ? picked : [...new Set(picked)])];
  if (r.next() < 0.05) columns.push("x_1_a".repeat(16_000) + "!");
  const huge = r.next() < 0.03;
  if (huge) columns.push(...Array.from({ length: 3000 }, (_, i) => `task${i}_0_${"m".repeat(20)}`));
  const lines = [columns.join(",")];
  for (let i = 0, n = r.int(huge ? 3 : 20); i < n; i++) lines.push(columns.map((_, at) => (at === 0 ? `m${r.int(8)}` : choose(r, CLEAN.csv, CSV_NUMBERS))).join(","));
  if (r.next() < 0.05) lines.push(columns.map((_, at) => (at === 0 ? "m" : choose(r, CLEAN.csv, LONG_CELLS))).slice(0, 3).join(","));
  return lines.join("\n") + "\n";
}

function garbage(r: Random): string {
  return r.text(["{", "}", "[", "]", '"', ",", ":", "\n", "a", "1", "NaN", "\\", "\uFEFF", " ", "\u202E", "e", "-"], r.int(400));
}

const KINDS: Record<string, { ext: string; make: (r: Random) => string }> = {
  "lm-eval-v0.4": { ext: "json", make: (r) => lmEval(r, true) },
  "lm-eval-v0.3": { ext: "json", make: (r) => lmEval(r, false) },
  "csv-long": { ext: "csv", make: csvLong },
  "csv-wide": { ext: "csv", make: csvWide },
  garbage: { ext: "json", make: garbage },
  ...FORMAT_KINDS,
};

/** Cuts, corrupts or BOM-prefixes a file now and then. */
function mangle(r: Random, text: string): string {
  let out = text;
  if (r.next() < 0.12 * r.hostile) out = out.slice(0, r.int(out.length + 1));
  if (r.next() < 0.08 * r.hostile && out.length > 0) {
    const at = r.int(out.length);
    out = out.slice(0, at) + r.pick(['"', "{", "]", ",", "\n", "\\", "\u0000"]) + out.slice(at + 1);
  }
  if (r.next() < 0.1) out = "\uFEFF" + out;
  return out;
}

/** `count` hostile files from `seed`, every kind in turn. */
export function hostileFiles(seed: number, count: number): HostileFile[] {
  const random = seededRandom(seed);
  const kinds = Object.keys(KINDS);
  return Array.from({ length: count }, (_, i) => {
    // a third of the files clean or nearly so, so that parsing goes deep as well as failing early
    const r: Random = { ...random, hostile: i % 3 === 0 ? 0 : random.next() };
    const kind = kinds[i % kinds.length];
    return { kind, name: `fuzz-${i}.${KINDS[kind].ext}`, text: mangle(r, KINDS[kind].make(r)) };
  });
}
