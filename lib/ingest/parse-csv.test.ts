import { describe, expect, it } from "vitest";
import { CSV_LIMITS, forEachCsvRow, parseCsv } from "./parse-csv";

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

  it("refuses a cell over the limit, naming its line and column, quoted or not", () => {
    const long = "1".repeat(CSV_LIMITS.maxCellChars + 1);
    expect(() => parseCsv("f.csv", `model,value\nm,${long}\n`)).toThrow(`f.csv:2: column "value": cell is 4097 characters; the limit is 4096 (at value)`);
    expect(() => parseCsv("f.csv", `model,value\nm,1\n"${long}",2\n`)).toThrow(`f.csv:3: column "model": cell is 4097 characters`);
    expect(parseCsv("f.csv", `model,value\nm,${long.slice(1)}\n`)[1].cells[1]).toHaveLength(CSV_LIMITS.maxCellChars);
  });

  it("refuses a header cell or a whole header over its limit", () => {
    expect(() => parseCsv("f.csv", `Model,${"x_1_a".repeat(16_000)}!\nm,1\n`)).toThrow(/^f\.csv:1: header cell 2 is 80001 characters; the limit is 512$/);
    const wide = Array.from({ length: 200 }, (_, i) => `task_${i}_${"m".repeat(400)}`).join(",");
    expect(() => parseCsv("f.csv", `Model,${wide}\n`)).toThrow(/^f\.csv:1: header is \d+ characters; the limit is 65536$/);
  });

  it("counts a row wider than the header without keeping its cells", () => {
    expect(() => parseCsv("f.csv", `a,b\n1,2\n1,2,3,4\n`)).toThrow("f.csv:3: row has 4 cells, header has 2");
    expect(() => parseCsv("f.csv", `a\n1${",".repeat(100_000)}`)).toThrow("f.csv:2: row has 100001 cells, header has 1");
  });

  it("stops when the caller says so", () => {
    const seen: number[] = [];
    forEachCsvRow("f.csv", "a\n1\n2\n3\n\"open", (row) => {
      seen.push(row.line);
      return row.line < 3;
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});
