import { describe, expect, it } from "vitest";
import { progressLine } from "./progress-line";

describe("progressLine", () => {
  it("shows the file position and a bar proportional to rows written", () => {
    const line = progressLine({ file: "a.json", fileIndex: 1, files: 4, rowsDone: 50, rows: 100 });
    expect(line).toContain("[2/4] a.json");
    expect(line).toContain("[" + "#".repeat(12) + "-".repeat(12) + "] 50/100");
  });

  it("keeps long paths to their tail and shows an empty bar before rows are known", () => {
    const line = progressLine({ file: "x/".repeat(40) + "end.json", fileIndex: 0, files: 1, rowsDone: 0, rows: 0 });
    expect(line).toContain("end.json");
    expect(line).toContain("-".repeat(24));
  });
});
