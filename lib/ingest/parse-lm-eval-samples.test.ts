import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { IngestError, MalformedJsonError } from "./ingest-error";
import { JSONL_LIMITS, type TextChunks } from "./json-lines";
import { parseLmEvalSamples, samplesTaskOf } from "./parse-lm-eval-samples";

const NAME = "samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl";
const FILE = path.join(import.meta.dirname, "__fixtures__", "lm-eval-samples", NAME);
const bytes = readFileSync(FILE);

async function collect(name: string, chunks: TextChunks, opts: { task?: string } = {}) {
  const items = [];
  for await (const item of parseLmEvalSamples(name, chunks, opts)) items.push(item);
  return items;
}

const line = (over: Record<string, unknown>) =>
  JSON.stringify({ doc_id: 0, target: "3", filtered_resps: [" 3"], filter: "none", metrics: ["exact_match"], exact_match: 1.0, ...over });
const S = "samples_t_2024-06-01T12-00-00.jsonl";

describe("samplesTaskOf", () => {
  it.each([
    [NAME, "math_perturbed_full"],
    ["out/org__model/samples_mmlu_high_school_physics_2024-06-01T12-00-00.jsonl", "mmlu_high_school_physics"],
    ["samples_gsm8k_2024-06-01T12-00-00.jsonl", "gsm8k"],
    ["results_2024-06-01T12-00-00.json", null],
    ["samples_gsm8k.jsonl", null],
    ["samples__2024-06-01T12-00-00.jsonl", null],
  ])("%s → %s", (name, task) => {
    expect(samplesTaskOf(name)).toBe(task);
  });
});

describe("parseLmEvalSamples on a real lm-eval 0.4.9 samples file", () => {
  it("reads one item per line with doc id, hash, filter, metric values, target and filtered answer", async () => {
    const items = await collect(NAME, createReadStream(FILE));
    expect(items).toHaveLength(10);
    expect(items.map((i) => i.docId)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(items.every((i) => i.task === "math_perturbed_full" && i.filter === "none" && i.metrics.exact_match === 0)).toBe(true);
    expect(items[2]).toMatchObject({
      docId: 2,
      docHash: "987325b2eb99a005b0b026906124b842c2723feec85823004226a5d236f480e1",
      epoch: null,
      metrics: { exact_match: 0 },
      target: "\\dfrac{13}{9}",
      source: { line: 3 },
    });
    expect(items[2].response?.startsWith(" 1.1.1.1.1.1.1.1")).toBe(true);
    expect(items[9]).toMatchObject({ target: "-\\frac{1}{12}", docHash: "7341fe257fc680c28960d8ef7231f2a05bb8e23057ff4be8d5917b2aad618cf4" });
    expect(items[9].response?.startsWith(" What is the smallest value of $x$?\nThe smallest value")).toBe(true);
  });

  it("gives the same items however the bytes are cut (multi-byte characters split across chunks)", async () => {
    const whole = await collect(NAME, [bytes]);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    expect(await collect(NAME, pieces)).toEqual(whole);
  });

  it("pulls the source lazily: the first item comes after the first chunk, the rest of the file unread", async () => {
    let pulled = 0;
    async function* source() {
      for (;;) {
        pulled++;
        yield `${line({ doc_id: pulled })}\n`;
      }
    }
    const items = parseLmEvalSamples(S, source());
    expect((await items.next()).value).toMatchObject({ docId: 1, metrics: { exact_match: 1 }, response: " 3" });
    expect(pulled).toBe(1);
    await items.return(undefined);
  });
});

describe("parseLmEvalSamples refuses bad input, naming the line", () => {
  const lines = (...rows: string[]) => [rows.join("\n") + "\n"];
  afterEach(() => {
    JSONL_LIMITS.maxLineBytes = 16 * 1024 * 1024;
  });

  it.each([
    ["a truncated file", NAME, [bytes.subarray(0, bytes.length - 40)], /^samples_math_perturbed_full_.*\.jsonl:10: malformed JSON/],
    ["a malformed line", S, lines(line({}), line({ doc_id: 1 }), "{\"doc_id\": 2, \"target\": "), /^samples_t_.*\.jsonl:3: malformed JSON: .* at column 25/],
    ["a doc_id of the wrong type", S, lines(line({}), line({ doc_id: "seven" })), /^samples_t_.*:2: expected a non-negative integer, found string "seven" \(at doc_id\)$/],
    ["metrics that are not a list", S, lines(line({ metrics: "exact_match" })), /:1: expected a list of metric names, found string .* \(at metrics\)$/],
    ["a filter that is not a string", S, lines(line({ filter: 3 })), /:1: expected a non-empty string, found number 3 \(at filter\)$/],
    ["neither doc_id nor doc_hash", S, lines(line({ doc_id: null })), /:1: invalid item docId: an item needs a doc id or a doc hash/],
    ["a value past the limits", S, lines(line({ exact_match: 1e300 })), /:1: 1e300 is beyond ±1e15.* \(at exact_match\)$/],
    ["a line that is not an object", S, lines("[1, 2]"), /:1: expected a JSON object, found an array$/],
    ["a hidden character in a filter", S, lines(line({ filter: "strict\u202Ematch" })), /:1: filter .* contains a right-to-left override/],
    ["an empty file", S, ["\n\n"], /^samples_t_.*\.jsonl: no items in samples_t_/],
  ])("%s", async (_, name, chunks, message) => {
    await expect(collect(name, chunks)).rejects.toThrow(message);
    await expect(collect(name, chunks)).rejects.toBeInstanceOf(IngestError);
  });

  it("refuses bytes that are not UTF-8 on the line they are on", async () => {
    const bad = Buffer.concat([Buffer.from(`${line({})}\n${line({ doc_id: 1 }).slice(0, 20)}`), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    await expect(collect(S, [bad])).rejects.toThrow(/^samples_t_.*:2: not valid UTF-8$/);
  });

  it("refuses a line past the length limit before reading further", async () => {
    JSONL_LIMITS.maxLineBytes = 100;
    let pulled = 0;
    function* endless() {
      for (;;) {
        pulled++;
        yield "x".repeat(30);
      }
    }
    await expect(collect(S, endless())).rejects.toThrow(/^samples_t_.*:1: line is longer than 100 bytes$/);
    expect(pulled).toBe(4);
  });

  it("reports a syntax error as MalformedJsonError and needs a task when the name does not give one", async () => {
    await expect(collect(S, ["{oops}\n"])).rejects.toBeInstanceOf(MalformedJsonError);
    await expect(collect("my-samples.jsonl", [line({})])).rejects.toThrow(/^my-samples\.jsonl: cannot tell the task/);
    expect(await collect("my-samples.jsonl", [line({})], { task: "gsm8k" })).toMatchObject([{ task: "gsm8k", docId: 0 }]);
  });

  it("reads booleans as 1 and 0, non-numbers (perplexity tuples) as null, and metrics without the list", async () => {
    const old = JSON.stringify({ doc_id: 4, doc_hash: "abc", target: 2, acc: true, acc_norm: false, word_perplexity: [-12.5, 40] });
    expect(await collect(S, [old])).toEqual([
      {
        task: "t", docId: 4, docHash: "abc", epoch: null, filter: "none",
        metrics: { acc: 1, acc_norm: 0, word_perplexity: null }, target: "2", response: null, source: { line: 1 },
      },
    ]);
  });
});
