import { describe, expect, it } from "vitest";
import { processCpuTicks } from "./proc-stat";

// a real line of /proc/<pid>/stat of a Postgres backend (utime 812, stime 95)
const POSTGRES_LINE =
  "4711 (postgres) S 1020 1020 1020 0 -1 4194560 51234 0 12 0 812 95 0 0 20 0 1 0 381234 231448576 61234 18446744073709551615 1 1 0 0 0 0 4194304 19935232 1536 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0";

describe("processCpuTicks", () => {
  it("adds user and system ticks of a process running the command", () => {
    expect(processCpuTicks(POSTGRES_LINE, "postgres")).toBe(907);
  });

  it("is null for another command", () => {
    expect(processCpuTicks(POSTGRES_LINE, "node")).toBeNull();
    expect(processCpuTicks(POSTGRES_LINE.replace("(postgres)", "(postgres: bgwriter)"), "postgres")).toBeNull();
  });

  it("counts fields after the last parenthesis, so a command name with spaces and parentheses parses", () => {
    const line = POSTGRES_LINE.replace("(postgres)", "(we(ird) name)");
    expect(processCpuTicks(line, "we(ird) name")).toBe(907);
  });

  it("is null for a truncated line", () => {
    expect(processCpuTicks("4711 (postgres) S 1020", "postgres")).toBeNull();
    expect(processCpuTicks("garbage", "postgres")).toBeNull();
  });
});
