import { describe, expect, it } from "vitest";
import type { CreateUploadResponse, FilePreview } from "@/lib/schemas/uploads";
import { prepareCommitResult } from "./prepare-commit-result";

const preview = (fileName: string, tasks: string[], p: Partial<FilePreview> = {}): FilePreview => ({
  fileName, sha256: fileName, ok: true, format: "csv-long", alreadyUploaded: false, parsed: 1, inserted: 1, updated: 0, skipped: 0,
  missingValues: 0, models: [], tasks, metrics: ["acc"], shots: [0], problems: [], ...p,
});
const summary = { files: 2, parsed: 5, inserted: 3, updated: 1, skipped: 1, items: 0, unknownScaleModels: ["x"], errors: [] };

describe("prepareCommitResult", () => {
  it("links the tasks of files that changed something, each once, in order, escaped", () => {
    const res: CreateUploadResponse = { uploadIds: [1, 2], alreadyUploaded: false, summary, analysisQueued: 3 };
    const out = prepareCommitResult(res, [
      preview("a.csv", ["sciq", "a b/c"]),
      preview("b.json", ["piqa", "sciq"], { alreadyUploaded: true, inserted: 0, skipped: 3 }),
    ]);
    expect(out).toMatchObject({ title: "Upload stored", alreadyUploaded: false, unknownScaleModels: ["x"], linksLabel: "Task pages this upload changed" });
    expect(out.links).toEqual([{ task: "a b/c", href: "/tasks/a%20b%2Fc" }, { task: "sciq", href: "/tasks/sciq" }]);
    expect(out.counts).toContainEqual({ label: "inserted", value: 3 });
    expect(out.analysisNote).toMatch(/^Verdicts of 3 task views are being recomputed/);
  });

  it("says already uploaded and links the files' tasks when nothing changed", () => {
    const res: CreateUploadResponse = {
      uploadId: 7, alreadyUploaded: true, summary: { ...summary, files: 1, inserted: 0, updated: 0, skipped: 4 }, analysisQueued: 0,
    };
    const out = prepareCommitResult(res, [preview("a.csv", ["sciq"], { alreadyUploaded: true, inserted: 0 })]);
    expect(out).toMatchObject({
      title: "Already uploaded: nothing changed", linksLabel: "Task pages of these files", links: [{ task: "sciq" }], analysisNote: null,
    });
  });

  it("caps the links and counts the rest", () => {
    const tasks = Array.from({ length: 45 }, (_, i) => `t${String(i).padStart(2, "0")}`);
    const out = prepareCommitResult({ uploadId: 1, alreadyUploaded: false, summary, analysisQueued: 1 }, [preview("a.csv", tasks)]);
    expect(out.links).toHaveLength(40);
    expect(out.moreTasks).toBe(5);
  });
});
