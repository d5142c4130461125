import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { IngestError, MalformedJsonError } from "./ingest-error";
import { ZIP_LIMITS } from "./open-zip";
import { detectInputKind, isZipBytes } from "./detect-format";
import { parseInspectEval } from "./parse-inspect-eval";
import { parseInspectLog } from "./parse-inspect-log";
import { buildZip, patchEntry } from "./testing/zip-archives";

const ROOT = path.join(import.meta.dirname, "__fixtures__", "inspect", "inspect-ai");
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(ROOT, name)));
const entries = Object.fromEntries(Object.entries(unzipSync(bytes("log_read_sample.eval"))).map(([name, data]) => [name, strFromU8(data)]));
const header = entries["header.json"];
const sample = entries["samples/1_epoch_1.json"];

describe("parseInspectEval on real .eval archives", () => {
  it("reads header.json as a JSON log is read, and each samples/ entry as items", async () => {
    const { file, items } = await parseInspectEval("log_read_sample.eval", bytes("log_read_sample.eval"));
    expect(file).toMatchObject({ format: "inspect-log", results: [{ model: "ollama/gemma3", task: "popularity", metric: "accuracy", filter: "match", value: 1, stderr: 0, n: 1 }] });
    expect(items).toEqual([
      { task: "popularity", docId: 1, docHash: null, epoch: 1, filter: "match", metrics: { accuracy: 1 }, target: " Yes", response: "Yes\n", source: { key: "sample" } },
    ]);
  });

  it("gives the same results as the same log dumped to JSON", async () => {
    const fromZip = await parseInspectEval("log_formats.eval", bytes("log_formats.eval"));
    const fromJson = parseInspectLog("log_formats.json", readFileSync(path.join(ROOT, "log_formats.json"), "utf8"));
    expect(fromZip.file.results).toEqual(fromJson.file.results);
    expect(fromZip.items.map((i) => [i.docId, i.metrics, i.target, i.response])).toEqual(fromJson.items.map((i) => [i.docId, i.metrics, i.target, i.response]));
  });

  it("2 samples × 2 epochs: accuracy 0.75 with stderr 0.25 over n = 2 samples, four items that average to it", async () => {
    const { file, items } = await parseInspectEval("log_streaming.eval", bytes("log_streaming.eval"));
    expect(file.results).toMatchObject([{ model: "azureai/Meta-Llama-3-1-405B-Instruct-jqf", value: 0.75, stderr: 0.25, n: 2 }]);
    expect(items.map((i) => [i.docId, i.epoch, i.metrics.accuracy, i.response])).toEqual([
      [1, 1, 0, "No"],
      [1, 2, 1, "Yes."],
      [2, 1, 1, "No."],
      [2, 2, 1, "No"],
    ]);
  });

  it("tells zip bytes from text, and routes a .eval (by name or by bytes) to this reader", () => {
    expect(isZipBytes(bytes("log_formats.eval"))).toBe(true);
    expect(isZipBytes(new TextEncoder().encode('{"eval": {}}'))).toBe(false);
    expect(detectInputKind("renamed.zip", bytes("log_formats.eval"))).toBe("inspect-eval");
    expect(detectInputKind("run.eval", new Uint8Array())).toBe("inspect-eval");
    expect(detectInputKind("samples_gsm8k_2024-06-01T12-00-00.jsonl", new TextEncoder().encode("{"))).toBe("lm-eval-samples");
    expect(detectInputKind("results.json", new TextEncoder().encode("{"))).toBe("text");
  });
});

describe("parseInspectEval refuses hostile or broken archives, returning nothing", () => {
  const honest = () => buildZip({ "header.json": header, "samples/1_epoch_1.json": sample });
  const refused = async (archive: Uint8Array, message: RegExp, limits = ZIP_LIMITS) => {
    const run = parseInspectEval("x.eval", archive, { zipLimits: limits });
    await expect(run).rejects.toThrow(message);
    await expect(run).rejects.toBeInstanceOf(IngestError);
  };

  it("reads an archive built here (the baseline the hostile ones depart from)", async () => {
    expect((await parseInspectEval("x.eval", honest())).items).toHaveLength(1);
  });

  it("a zip bomb: an entry expanding ~1000:1", async () => {
    const bomb = buildZip({ "header.json": header, "samples/1_epoch_1.json": " ".repeat(8 * 1024 * 1024) });
    await refused(bomb, /^x\.eval: entry "samples\/1_epoch_1\.json" expands \d+:1, past the 200:1 a log reaches: refused as a zip bomb/);
  });

  it("a declared size past the cap (4 GB claimed in the headers)", async () => {
    await refused(patchEntry(honest(), "samples/1_epoch_1.json", { uncompressedSize: 0xfffffff0 }), /entry "samples\/1_epoch_1\.json" declares 4294967280 bytes uncompressed; the limit is 268435456/);
  });

  it("a declared size smaller than what the entry inflates to", async () => {
    await refused(patchEntry(honest(), "header.json", { uncompressedSize: 100 }), /^x\.eval: entry "header\.json" is corrupt/);
  });

  it.each(["../evil.json", "/etc/cron.d/evil", "C:/evil.json", "samples/../../evil.json", "samples\\..\\evil.json"])("an entry name that escapes: %s", async (name) => {
    await refused(buildZip({ "header.json": header, [name]: "{}" }), /escapes the archive \(an absolute path or \.\.\): the archive is refused/);
  });

  it("too many entries, too many bytes in all, an encrypted entry, a name twice", async () => {
    await refused(honest(), /^x\.eval: the archive has 2 entries; the limit is 1$/, { ...ZIP_LIMITS, maxEntries: 1 });
    await refused(honest(), /^x\.eval: the archive's entries declare more than 1000 bytes uncompressed$/, { ...ZIP_LIMITS, maxTotalBytes: 1000 });
    await refused(patchEntry(honest(), "samples/1_epoch_1.json", { flags: 1 }), /entry "samples\/1_epoch_1\.json" is encrypted/);
    const twice = patchEntry(buildZip({ "header.json": header, "headXr.json": "{}" }), "headXr.json", { name: "header.json" });
    await refused(twice, /^x\.eval: entry "header\.json" appears twice: the archive is ambiguous/);
  });

  it("a truncated file, bytes that are not a zip, a run still being written", async () => {
    const real = bytes("log_streaming.eval");
    await refused(real.subarray(0, real.length - 100), /^x\.eval: not a readable zip archive/);
    await refused(new TextEncoder().encode("not a zip at all"), /^x\.eval: not a readable zip archive/);
    await refused(buildZip({ "_journal/start.json": "{}" }), /^x\.eval: the log is still being written: no header\.json yet/);
    await refused(buildZip({ "other.json": "{}" }), /^x\.eval: not an Inspect \.eval log: no header\.json$/);
  });

  it("wrong types in header.json and a malformed sample, named by entry and key", async () => {
    const doc = JSON.parse(header) as { results: { scores: Array<{ metrics: Record<string, { value: unknown }> }> } };
    doc.results.scores[0].metrics.accuracy.value = "high";
    await refused(buildZip({ "header.json": JSON.stringify(doc) }), /^x\.eval\/header\.json: expected a number, found string "high" \(at results\.scores\.0\.metrics\.accuracy\.value\)$/);
    const broken = parseInspectEval("x.eval", buildZip({ "header.json": header, "samples/1_epoch_1.json": sample.slice(0, 200) }));
    await expect(broken).rejects.toThrow(/^x\.eval\/samples\/1_epoch_1\.json:\d+: malformed JSON/);
    await expect(broken).rejects.toBeInstanceOf(MalformedJsonError);
    await refused(buildZip({ "header.json": header, "samples/1_epoch_1.json": new Uint8Array([0x7b, 0xff, 0x7d]) }), /entry "samples\/1_epoch_1\.json" is not valid UTF-8/);
  });
});
