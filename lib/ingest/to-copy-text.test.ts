import { describe, expect, it } from "vitest";
import { toCopyText, type CopyColumns } from "./to-copy-text";

const columns: CopyColumns = {
  checkpointId: [1, 2, 3],
  taskId: [10, 20, 30],
  metricId: [5, 5, 6],
  shots: [0, null, 5],
  filter: ["none", "strict\tmatch", "a\\b\nc"],
  value: [0.25, 1, 0.1 + 0.2],
  stderr: [0.01, null, 0],
  n: [100, null, 7],
};

describe("toCopyText", () => {
  it("writes tab-separated rows with \\N for null and the upload id last", () => {
    expect(toCopyText(columns, 9, 0, 2)).toBe("1\t10\t5\t0\tnone\t0.25\t0.01\t100\t9\n2\t20\t5\t\\N\tstrict\\tmatch\t1\t\\N\t\\N\t9\n");
  });

  it("escapes backslashes and newlines and keeps numbers round-trip exact", () => {
    expect(toCopyText(columns, 1, 2, 3)).toBe("3\t30\t6\t5\ta\\\\b\\nc\t0.30000000000000004\t0\t7\t1\n");
  });
});
