import type { ModelFact, ParsedDirection, ParsedFile, ParsedMetricFact } from "@/lib/schemas/parsed-file";
import { toCheckedFile } from "./check-parsed-file";
import { addEeeRecord, type RecordFacts } from "./eee-record";
import { IngestError } from "./ingest-error";
import { parseJsonLine, splitLines } from "./json-lines";
import { isJsonObject, parseJsonLenient, type JsonValue } from "./parse-json-lenient";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";

/** Whether a JSON document is an Every Eval Ever record (for detection). */
export function isEeeRecord(doc: JsonValue): boolean {
  return isJsonObject(doc) && typeof doc.schema_version === "string" && isJsonObject(doc.model_info) && Array.isArray(doc.evaluation_results);
}

const where = (source: { line?: number; key?: string }) => source.line ?? source.key ?? "earlier";

/**
 * Keeps one fact per subject (a model, a metric, a task's metric). Records that
 * state the same subject are merged field by field (one record may give a
 * model's size, another only its developer); two different non-null values
 * for one field are a contradiction in the file and refused.
 */
class FactSet<T extends { source: { line?: number; key?: string } }> {
  private readonly bySubject = new Map<string, T>();

  constructor(
    private readonly fileName: string,
    private readonly what: string,
  ) {}

  get items(): T[] {
    return [...this.bySubject.values()];
  }

  add(subject: string, fact: T): void {
    const earlier = this.bySubject.get(subject);
    if (earlier === undefined) {
      this.bySubject.set(subject, fact);
      return;
    }
    const merged: Record<string, unknown> = { ...earlier };
    for (const [field, value] of Object.entries(fact)) {
      if (field === "source" || value === null) continue;
      const before = merged[field];
      if (before !== null && before !== value) {
        throw new IngestError(this.fileName, `${this.what} ${subject}: ${field} stated twice, differently (${String(value)} here, ${String(before)} at ${where(earlier.source)})`, fact.source);
      }
      merged[field] = value;
    }
    this.bySubject.set(subject, merged as T);
  }
}

class Records {
  readonly collector: ResultCollector;
  private readonly models: FactSet<ModelFact>;
  private readonly directions: FactSet<ParsedDirection>;
  private readonly metrics: FactSet<ParsedMetricFact>;

  constructor(private readonly fileName: string, opts: ParseOptions) {
    this.collector = new ResultCollector(fileName, opts.maxRows);
    this.models = new FactSet(fileName, "model");
    this.directions = new FactSet(fileName, "direction of");
    this.metrics = new FactSet(fileName, "metric");
  }

  add(doc: JsonValue, line?: number): void {
    const facts: RecordFacts = addEeeRecord(this.fileName, this.collector, doc, line === undefined ? {} : { line });
    if (facts.modelFact !== null) this.models.add(facts.modelFact.model, facts.modelFact);
    for (const d of facts.directions) this.directions.add(`${d.task} ${d.metric}`, d);
    for (const m of facts.metricFacts) this.metrics.add(m.metric, m);
  }

  toFile(): ParsedFile {
    return toCheckedFile(this.fileName, {
      format: "every-eval-ever",
      results: this.collector.results,
      modelFacts: this.models.items,
      directions: this.directions.items,
      metricFacts: this.metrics.items,
      missingValues: this.collector.missingValues,
    });
  }
}

/** One Every Eval Ever record (schema 0.2.x JSON), already read. See addEeeRecord for what is taken from it. */
export function parseEveryEvalEverDoc(fileName: string, doc: JsonValue, opts: ParseOptions = {}): ParsedFile {
  const records = new Records(fileName, opts);
  records.add(doc);
  return records.toFile();
}

/** The same from text. */
export function parseEveryEvalEver(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  return parseEveryEvalEverDoc(fileName, parseJsonLenient(fileName, text, { prototypeKeys: opts.prototypeKeys }), opts);
}

/**
 * JSONL of Every Eval Ever records, one per line (a leaderboard dump): every
 * record's results, one model fact per model, directions and metric bounds
 * kept once (a model or metric stated differently on two lines is refused,
 * naming the line). A bad line is named by its number.
 */
export function parseEveryEvalEverLines(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  const records = new Records(fileName, opts);
  for (const line of splitLines(text)) {
    if (line.text.trim() === "") continue;
    records.add(parseJsonLine(fileName, line, { prototypeKeys: opts.prototypeKeys }), line.line);
  }
  return records.toFile();
}
