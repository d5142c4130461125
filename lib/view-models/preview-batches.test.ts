import { describe, expect, it } from "vitest";
import { addBatch, listedFiles, removeFile, resendBatch, toFilePreviewState, type PreviewBatch } from "./preview-batches";

type F = { id: string };
const files = (...ids: string[]): F[] => ids.map((id) => ({ id }));
const ids = (fs: readonly F[]) => fs.map((f) => f.id);
const never = () => false;
const two = addBatch(addBatch<F>([], "b1", files("a", "b", "c")), "b2", files("d"));

describe("addBatch / listedFiles", () => {
  it("makes one batch per pick, lists its files in order, and ignores an empty pick", () => {
    expect(two.map((b) => b.id)).toEqual(["b1", "b2"]);
    expect(ids(listedFiles(addBatch(two, "b3", [])))).toEqual(["a", "b", "c", "d"]);
  });
});

describe("removeFile", () => {
  it("keeps a previewed batch as sent, so its other previews stay where they were", () => {
    const after = removeFile(two, "b", never, "new");
    expect(after[0]).toMatchObject({ id: "b1" });
    expect(ids(after[0].sent)).toEqual(["a", "b", "c"]);
    expect(ids(listedFiles(after))).toEqual(["a", "c", "d"]);
  });

  it("sends the rest of a failed batch again under a new id", () => {
    const after = removeFile(two, "b", (id) => id === "b1", "b9");
    expect(after[0].id).toBe("b9");
    expect(ids(after[0].sent)).toEqual(["a", "c"]);
    expect(after[1].id).toBe("b2");
  });

  it("drops a batch with no file left, failed or not", () => {
    expect(removeFile(two, "d", never, "x").map((b) => b.id)).toEqual(["b1"]);
    expect(removeFile(two, "d", () => true, "x").map((b) => b.id)).toEqual(["b1"]);
  });
});

describe("resendBatch", () => {
  it("sends only the files still listed, as a new request", () => {
    const trimmed = removeFile(two, "a", never, "unused");
    const again = resendBatch(trimmed, "b1", "b5");
    expect(again[0]).toMatchObject({ id: "b5" });
    expect(ids(again[0].sent)).toEqual(["b", "c"]);
  });
});

describe("toFilePreviewState", () => {
  const batch: PreviewBatch<F> = { id: "b1", sent: files("a", "b", "c"), kept: files("a", "c") };

  it("takes the preview at the position the file was sent at", () => {
    const state = toFilePreviewState(batch, { status: "success", data: ["A", "B", "C"], error: null }, "c");
    expect(state).toEqual({ status: "success", data: "C", error: null, batchSize: 3 });
  });

  it("gives every file of the batch the request's error or pending state", () => {
    const error = new Error("HTTP 400");
    expect(toFilePreviewState(batch, { status: "error", error }, "a")).toEqual({ status: "error", error, batchSize: 3 });
    expect(toFilePreviewState(batch, { status: "pending", error: null }, "a")).toMatchObject({ status: "pending" });
  });

  it("is an error, not a silent blank, when the answer is missing the file", () => {
    const state = toFilePreviewState(batch, { status: "success", data: ["A"], error: null }, "c");
    expect(state.status).toBe("error");
    expect(state.error?.message).toMatch(/no preview for this file/);
  });
});
