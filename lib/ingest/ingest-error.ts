/**
 * A problem with one input file. The message always names the file and, when
 * known, the line or key, so a researcher can go straight to it.
 */
export class IngestError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly key?: string;

  constructor(file: string, detail: string, where: { line?: number; key?: string } = {}) {
    const at = where.line !== undefined ? `:${where.line}` : "";
    const key = where.key !== undefined ? ` (at ${where.key})` : "";
    super(`${file}${at}: ${detail}${key}`);
    this.name = "IngestError";
    this.file = file;
    this.line = where.line;
    this.key = where.key;
  }
}
