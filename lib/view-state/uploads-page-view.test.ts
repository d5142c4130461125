import { describe, expect, it } from "vitest";
import { toUploadsHref, toUploadsPage, toUploadsRange } from "./uploads-page-view";

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
