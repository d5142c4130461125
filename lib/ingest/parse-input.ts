import type { ParsedFile } from "@/lib/schemas/parsed-file";
import { detectInputKind } from "./detect-format";
import { IngestError } from "./ingest-error";
import { toItemContext, toSamplesContext, samplesResultsName, type ItemSource } from "./item-context";
import type { TextChunks } from "./json-lines";
import { isLongCsvText, parseFileWithItems } from "./parse-file";
import { parseHelmRun, type HelmRunFiles } from "./parse-helm-run";
import { parseInspectEval } from "./parse-inspect-eval";
import { parseLmEvalSamples } from "./parse-lm-eval-samples";
import type { ParseOptions } from "./parse-options";

/** A file read for the ingest: its results (none for an lm-eval samples file) and its items, if it has any. */
export type ParsedInput = { file: ParsedFile; items: ItemSource | null };

export type ParseInputOptions = ParseOptions & {
  /** the results file a samples file was written beside (see samplesResultsName), parsed; null when not at hand */
  samplesResults?: (resultsName: string) => ParsedFile | null | Promise<ParsedFile | null>;
};

function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(fileName, "is not valid UTF-8 text");
  }
}

/** An lm-eval samples file has no results of its own: an empty file of that format, its items streamed. */
async function samplesInput(fileName: string, chunks: () => TextChunks, opts: ParseInputOptions): Promise<ParsedInput> {
  const resultsName = samplesResultsName(fileName);
  const results = resultsName === null ? null : ((await opts.samplesResults?.(resultsName)) ?? null);
  const context = toSamplesContext(fileName, results);
  const file: ParsedFile = { format: "lm-eval-samples", results: [], modelFacts: [], directions: [], metricFacts: [], missingValues: 0 };
  return { file, items: { context, items: parseLmEvalSamples(fileName, chunks(), { prototypeKeys: opts.prototypeKeys }) } };
}

/** Text, parsed once: an Inspect JSON log's samples are items; other text formats have none. */
export function parseTextInput(fileName: string, text: string, opts: ParseOptions): ParsedInput {
  const { file, items } = parseFileWithItems(fileName, text, opts);
  return { file, items: items.length === 0 ? null : { context: toItemContext(fileName, file), items } };
}

/**
 * Reads one file of any format, detected from its name and first bytes (see
 * detectInputKind), never guessed: an Inspect `.eval` archive from its bytes, an
 * lm-eval samples file as a stream of items placed by its results file, anything
 * else as text. `chunks` re-reads a large file in pieces (the CLI streams a
 * samples file rather than holding it); without it the bytes are read.
 */
export async function parseInput(fileName: string, bytes: Uint8Array, opts: ParseInputOptions = {}, chunks?: () => TextChunks): Promise<ParsedInput> {
  const kind = detectInputKind(fileName, bytes.subarray(0, 4));
  if (kind === "inspect-eval") {
    const { file, items } = await parseInspectEval(fileName, bytes, opts);
    return { file, items: items.length === 0 ? null : { context: toItemContext(fileName, file), items } };
  }
  if (kind === "lm-eval-samples") return samplesInput(fileName, chunks ?? (() => [bytes]), opts);
  return parseTextInput(fileName, decodeUtf8(fileName, bytes), opts);
}

/**
 * An input as the ingest reads it: a long CSV as its text, read in chunks while
 * earlier ones are written (see csvLongChunks); any other input parsed whole by
 * parseInput.
 */
export async function readInput(
  fileName: string, bytes: Uint8Array, opts: ParseInputOptions = {},
): Promise<{ longCsv: string } | { parsed: ParsedInput }> {
  if (detectInputKind(fileName, bytes.subarray(0, 4)) === "text") {
    const text = decodeUtf8(fileName, bytes);
    if (isLongCsvText(fileName, text)) return { longCsv: text };
    return { parsed: parseTextInput(fileName, text, opts) };
  }
  return { parsed: await parseInput(fileName, bytes, opts) };
}

/** A HELM run folder (run_spec.json, stats.json, optionally per_instance_stats.json) with its items. */
export function parseHelmInput(folder: string, files: HelmRunFiles, opts: ParseOptions = {}): ParsedInput {
  const { file, items } = parseHelmRun(folder, files, opts);
  return { file, items: items.length === 0 ? null : { context: toItemContext(folder, file), items } };
}
