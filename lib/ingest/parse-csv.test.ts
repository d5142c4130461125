import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it("handles quotes, escaped quotes, CRLF, BOM, blank lines and line numbers", () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",2\n3,\n';
    expect(parseCsv("f.csv", text)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"'] },
      { line: 4, cells: ["multi\nline", "2"] },
      { line: 6, cells: ["3", ""] },
    ]);
  });

  it("reads a last row without a newline", () => {
    expect(parseCsv("f.csv", "a\n1")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: ["1"] },
    ]);
  });

  it.each([
    ['a\n"open,1\n', "f.csv:2: unterminated quoted cell"],
    ['a\n"x"y,1\n', "f.csv:2: unexpected character after closing quote"],
    ['a\nx"y,1\n', "f.csv:2: quote inside an unquoted cell"],
  ])("rejects %j", (text, message) => {
    expect(() => parseCsv("f.csv", text)).toThrow(message);
  });
});
