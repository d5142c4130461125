import { describe, expect, it } from "vitest";
import { prepareUploadProgress } from "./prepare-upload-progress";

const p = (status: "pending" | "error" | "success") => ({ status });

describe("prepareUploadProgress", () => {
  it("counts the finished previews of a multi-file upload, failures said", () => {
    expect(prepareUploadProgress([p("success"), p("pending"), p("error"), p("pending")])).toEqual({
      done: 2, total: 4, failed: 1, label: "Previewed 2 of 4 files, 1 failed",
    });
    expect(prepareUploadProgress([p("success"), p("success")])?.label).toBe("All 2 files previewed");
  });

  it("shows no bar for a single file", () => {
    expect(prepareUploadProgress([p("pending")])).toBeNull();
    expect(prepareUploadProgress([])).toBeNull();
  });
});
