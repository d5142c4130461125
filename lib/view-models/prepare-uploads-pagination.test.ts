import { describe, expect, it } from "vitest";
import { prepareUploadsPagination } from "./prepare-uploads-pagination";

describe("prepareUploadsPagination", () => {
  it("links newer and older pages around a middle page", () => {
    expect(prepareUploadsPagination(2, 25, 60, 25)).toEqual({
      label: "Uploads 26–50 of 60", newer: "/uploads", older: "/uploads?page=3", lastPage: null,
    });
  });

  it("has no older link on the last page and no newer link on the first", () => {
    expect(prepareUploadsPagination(3, 10, 60, 25)).toMatchObject({ label: "Uploads 51–60 of 60", older: null, newer: "/uploads?page=2" });
    expect(prepareUploadsPagination(1, 25, 25, 25)).toMatchObject({ newer: null, older: null });
  });

  it("says so when there are no uploads, and points a page past the end back to the last page", () => {
    expect(prepareUploadsPagination(1, 0, 0)).toEqual({ label: "No uploads yet", newer: null, older: null, lastPage: null });
    expect(prepareUploadsPagination(5, 0, 30, 25)).toEqual({ label: "No uploads on page 5; there are 30", newer: null, older: null, lastPage: "/uploads?page=2" });
  });
});
