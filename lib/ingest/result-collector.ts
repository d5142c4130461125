import type { ParsedResultDraft } from "@/lib/schemas/parsed-file";
import { IngestError, RowLimitError } from "./ingest-error";
import { RowKeyMap } from "./row-key-map";

/**
 * Gathers a file's results. The same (model, revision, task, metric, filter,
 * shots) seen twice with the same value is kept once (lm-eval v0.4 repeats
 * group aggregates in `results` and `groups`); with a different value it is a
 * contradiction in the file and an error. Also counts skipped missing values.
 * Every row counts towards `maxRows` (when given): the row past it throws a
 * RowLimitError, so a file over an upload's limit is never held whole.
 */
export class ResultCollector {
  /** the results added since the last take() (all of them when take() is never called) */
  results: ParsedResultDraft[] = [];
  missingValues = 0;
  /** results kept so far (taken or not): the index the next one gets */
  kept = 0;
  private readonly byKey = new RowKeyMap<ParsedResultDraft>();
  private rows = 0;

  constructor(
    private readonly fileName: string,
    private readonly maxRows?: number,
  ) {}

  private count(): void {
    if (this.maxRows !== undefined && ++this.rows > this.maxRows) throw new RowLimitError(this.fileName, this.maxRows);
  }

  /** True when the result was kept; false when it repeats an earlier one with the same value. */
  add(result: ParsedResultDraft): boolean {
    this.count();
    const earlier = this.byKey.claim(result.model, result.revision, result.task, result.metric, result.filter, result.shots, result);
    if (earlier === undefined) {
      this.results.push(result);
      this.kept++;
      return true;
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
    return false;
  }

  /** The results added since the last take(), handed over (a streamed file's rows, one chunk at a time). */
  take(): ParsedResultDraft[] {
    const taken = this.results;
    this.results = [];
    return taken;
  }

  skipMissing(): void {
    this.count();
    this.missingValues++;
  }
}
