import type { ParsedResultDraft } from "@/lib/schemas/parsed-file";
import { IngestError, RowLimitError } from "./ingest-error";

// Each text prefixed by its length: no two different tuples meet, whatever their names hold.
const part = (text: string | null) => (text === null ? "-" : `${text.length}:${text}`);
const resultKey = (r: ParsedResultDraft) => `${part(r.model)}${part(r.revision)}${part(r.task)}${part(r.metric)}${part(r.filter)}${r.shots}`;

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
  private readonly byKey = new Map<string, ParsedResultDraft>();
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
    const key = resultKey(result);
    const earlier = this.byKey.get(key);
    if (earlier === undefined) {
      this.byKey.set(key, result);
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
