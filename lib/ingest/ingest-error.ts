/**
 * A problem with one input file. The message always names the file and, when
 * known, the line or key, so a researcher can go straight to it.
 */
export class IngestError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly key?: string;
  /** the message without file, line and key, so a caller can re-place it (a JSONL line inside its file) */
  readonly detail: string;

  constructor(file: string, detail: string, where: { line?: number; key?: string } = {}) {
    const at = where.line !== undefined ? `:${where.line}` : "";
    const key = where.key !== undefined ? ` (at ${where.key})` : "";
    super(`${file}${at}: ${detail}${key}`);
    this.name = "IngestError";
    this.file = file;
    this.detail = detail;
    this.line = where.line;
    this.key = where.key;
  }
}

/**
 * A JSON document that cannot be read at all: malformed syntax, nesting or width
 * past JSON_LIMITS, or a prototype key. The upload route answers these 400 (the
 * transport delivered something that is not a results document); everything
 * else about a file's content is a plain IngestError (422).
 */
export class MalformedJsonError extends IngestError {
  constructor(file: string, detail: string, where: { line?: number; key?: string } = {}) {
    super(file, detail, where);
    this.name = "MalformedJsonError";
  }
}

/**
 * More rows than the caller allows (interactive uploads are capped; the CLI is
 * not). Raised as soon as the limit is passed, so a huge file is never held whole.
 */
export class RowLimitError extends IngestError {
  readonly limit: number;

  constructor(file: string, limit: number) {
    super(file, `more than ${limit} rows`);
    this.name = "RowLimitError";
    this.limit = limit;
  }
}
