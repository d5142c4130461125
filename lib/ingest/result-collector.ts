import type { ParsedResultDraft } from "@/lib/schemas/parsed-file";
import { IngestError, RowLimitError } from "./ingest-error";

/**
 * Gathers a file's results. The same (model, revision, task, metric, filter,
 * shots) seen twice with the same value is kept once (lm-eval v0.4 repeats
 * group aggregates in `results` and `groups`); with a different value it is a
 * contradiction in the file and an error. Also counts skipped missing values.
 * Every row counts towards `maxRows` (when given): the row past it throws a
 * RowLimitError, so a file over an upload's limit is never held whole.
 */
export class ResultCollector {
  readonly results: ParsedResultDraft[] = [];
  missingValues = 0;
  private readonly byKey = new Map<string, ParsedResultDraft>();
  private rows = 0;

  constructor(
    private readonly fileName: string,
    private readonly maxRows?: number,
  ) {}

  private count(): void {
    if (this.maxRows !== undefined && ++this.rows > this.maxRows) throw new RowLimitError(this.fileName, this.maxRows);
  }

  add(result: ParsedResultDraft): void {
    this.count();
    const key = JSON.stringify([
      result.model,
      result.revision,
      result.task,
      result.metric,
      result.filter,
      result.shots,
    ]);
    const earlier = this.byKey.get(key);
    if (earlier === undefined) {
      this.byKey.set(key, result);
      this.results.push(result);
      return;
    }
    if (earlier.value !== result.value) {
      const first = earlier.source.line ?? earlier.source.key ?? "earlier";
      throw new IngestError(
        this.fileName,
        `duplicate result for ${result.model} ${result.task} ${result.metric} with a different value ` +
          `(${result.value} here, ${earlier.value} at ${first})`,
        result.source,
      );
    }
  }

  skipMissing(): void {
    this.count();
    this.missingValues++;
  }
}
