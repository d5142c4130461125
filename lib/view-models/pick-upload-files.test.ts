import { describe, expect, it } from "vitest";
import { pickUploadFiles, toFileId, type PickedFile } from "./pick-upload-files";

const file = (path: string, size = 10): PickedFile => ({ name: path.split("/").pop()!, path, size, lastModified: 1 });

describe("pickUploadFiles", () => {
  it("keeps only .json and .csv from a folder and counts the rest", () => {
    const picked = pickUploadFiles([file("evals/a.json"), file("evals/README.md"), file("evals/b.CSV"), file("evals/LICENSE")], new Set(), true);
    expect(picked.added.map((f) => f.path)).toEqual(["evals/a.json", "evals/b.CSV"]);
    expect(picked.ignored).toEqual(["evals/README.md", "evals/LICENSE"]);
  });

  it("keeps every single pick, so the API can say what it cannot read", () => {
    expect(pickUploadFiles([file("notes.txt")], new Set(), false).added).toHaveLength(1);
  });

  it("adds a file once, even when picked again or twice in one drop", () => {
    const a = file("a.json");
    const picked = pickUploadFiles([a, a, file("b.json")], new Set([toFileId(file("b.json"))]), false);
    expect(picked.added.map((f) => f.id)).toEqual([toFileId(a)]);
  });

  it("tells apart same-named files in different folders or with different content", () => {
    const picked = pickUploadFiles([file("x/a.json"), file("y/a.json"), file("x/a.json", 11)], new Set(), true);
    expect(picked.added).toHaveLength(3);
  });
});
