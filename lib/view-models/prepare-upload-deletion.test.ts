import { describe, expect, it } from "vitest";
import { prepareDeleteConfirmation, prepareDeletedUpload } from "./prepare-upload-deletion";

const subject = { id: 12, fileName: "lab-runs.csv", results: 1, tasks: ["sciq"] };

describe("prepareDeleteConfirmation", () => {
  it("names the file and the number of results it removes, and where they are", () => {
    expect(prepareDeleteConfirmation(subject)).toEqual({
      question: "Delete upload 12, lab-runs.csv?",
      consequence:
        "This removes the 1 result whose stored value came from this file on task sciq; where it had replaced a value an " +
        "earlier upload stored, that value comes back. Models and tasks stay.",
      confirmLabel: "Delete lab-runs.csv and 1 result",
    });
  });

  it("counts in the plural and shortens a long task list", () => {
    const tasks = Array.from({ length: 7 }, (_, i) => `t${i}`);
    const out = prepareDeleteConfirmation({ ...subject, results: 1200, tasks });
    expect(out.consequence).toContain("1200 results");
    expect(out.consequence).toContain("on 7 tasks (t0, t1, t2, t3, t4 and 2 more);");
    expect(out.confirmLabel).toBe("Delete lab-runs.csv and 1200 results");
  });

  it("says when nothing stored comes from the upload any more", () => {
    expect(prepareDeleteConfirmation({ ...subject, results: 0, tasks: [] }).consequence).toMatch(/^No stored result comes from this upload/);
  });
});

describe("prepareDeletedUpload", () => {
  it("reports what was removed and links the task pages that changed, escaped", () => {
    const out = prepareDeletedUpload({ ...subject, tasks: ["sciq", "a b/c"] }, { results: 3, restored: 1, analysisQueued: 2 });
    expect(out.title).toBe("Deleted upload 12, lab-runs.csv");
    expect(out.facts).toEqual(["3 results removed", "1 result brought back from earlier uploads", "2 task views being re-analysed in the background"]);
    expect(out.links).toEqual([{ task: "sciq", href: "/tasks/sciq" }, { task: "a b/c", href: "/tasks/a%20b%2Fc" }]);
  });

  it("links nothing when no result was removed", () => {
    const out = prepareDeletedUpload(subject, { results: 0, restored: 0, analysisQueued: 0 });
    expect(out.facts).toEqual(["0 results removed"]);
    expect(out.links).toEqual([]);
  });
});
