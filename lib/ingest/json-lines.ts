import { IngestError, MalformedJsonError } from "./ingest-error";
import { parseJsonLenient, type JsonValue } from "./parse-json-lenient";

/**
 * The longest line a JSONL file may have. An lm-eval samples line holds one
 * document, its prompt and the model's answers: a few kB, up to a few hundred kB
 * for long-context tasks; 16 MiB leaves room for any of them while a file
 * without line breaks is refused instead of being held whole.
 */
export const JSONL_LIMITS = { maxLineBytes: 16 * 1024 * 1024 };

/** Text or bytes arriving in pieces (a Node stream, a fetch body, one string). */
export type TextChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export type Line = { line: number; text: string };

const LF = 0x0a;

function tooLong(fileName: string, line: number): IngestError {
  return new IngestError(fileName, `line is longer than ${JSONL_LIMITS.maxLineBytes} bytes`, { line });
}

/**
 * Lines of a stream, one at a time, numbered from 1; never more than one line
 * (at most JSONL_LIMITS.maxLineBytes) is held. Lines are cut on the LF byte
 * (which no multi-byte UTF-8 character contains) and each is decoded strictly,
 * so bad UTF-8 is refused naming its line; a BOM and a CR before LF are dropped.
 */
export async function* readLines(fileName: string, chunks: TextChunks): AsyncGenerator<Line> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parts: Uint8Array[] = [];
  let partsLength = 0;
  let line = 1;
  const finish = (piece: Uint8Array): Line => {
    const bytes = parts.length === 0 ? piece : Buffer.concat([...parts, piece], partsLength + piece.length);
    parts = [];
    partsLength = 0;
    if (bytes.length > JSONL_LIMITS.maxLineBytes) throw tooLong(fileName, line);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new IngestError(fileName, "not valid UTF-8", { line });
    }
    return { line: line++, text: text.endsWith("\r") ? text.slice(0, -1) : text };
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    let start = 0;
    for (let lf = bytes.indexOf(LF); lf !== -1; lf = bytes.indexOf(LF, start)) {
      yield finish(bytes.subarray(start, lf));
      start = lf + 1;
    }
    if (start < bytes.length) {
      parts.push(bytes.subarray(start));
      partsLength += bytes.length - start;
      if (partsLength > JSONL_LIMITS.maxLineBytes) throw tooLong(fileName, line);
    }
  }
  if (parts.length > 0) yield finish(new Uint8Array(0));
}

/** The same over text already in memory. */
export function* splitLines(text: string): Generator<Line> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    yield { line: line++, text: raw.endsWith("\r") ? raw.slice(0, -1) : raw };
    start = end + 1;
  }
}

/**
 * One line's JSON document (NaN literals allowed, duplicate keys and depth
 * refused as for whole files); an error names the file's line, not the line's.
 */
export function parseJsonLine(fileName: string, { line, text }: Line, opts: { prototypeKeys?: "refuse" | "allow" } = {}): JsonValue {
  try {
    return parseJsonLenient(fileName, text, opts);
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    const detail = err.detail.replace(/ at line 1 column (\d+)$/, " at column $1");
    const where = { line, key: err.key };
    throw err instanceof MalformedJsonError ? new MalformedJsonError(fileName, detail, where) : new IngestError(fileName, detail, where);
  }
}
