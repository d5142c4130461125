import { describe, expect, it } from "vitest";
import { prepareUploadsPagination, toUploadsHref, toUploadsPage, toUploadsRange } from "./uploads-page-url";

describe("toUploadsPage", () => {
  it("reads ?page= and falls back to page 1 for anything invalid", () => {
    expect(toUploadsPage({ page: "3" })).toBe(3);
    expect(toUploadsPage({ page: ["2", "9"] })).toBe(2);
    for (const page of [undefined, "0", "-1", "1.5", "abc"]) expect(toUploadsPage({ page })).toBe(1);
  });
});

describe("toUploadsRange / toUploadsHref", () => {
  it("turns a page into the API's limit and offset, and back into a link", () => {
    expect(toUploadsRange(1)).toEqual({ limit: 20, offset: 0 });
    expect(toUploadsRange(3, 10)).toEqual({ limit: 10, offset: 20 });
    expect([toUploadsHref(1), toUploadsHref(4)]).toEqual(["/uploads", "/uploads?page=4"]);
  });
});

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
