import { describe, expect, it } from "vitest";
import type { JobStatus } from "@/lib/schemas/health";
import { prepareJobStatus, toWaitText } from "./prepare-job-status";

const idle: JobStatus = {
  waiting: 0, active: 0, retrying: 0, parked: 0, oldestWaitingSeconds: null, completedLastMinute: 0, completedLast15Minutes: 0, failures: [],
};

const fact = (jobs: JobStatus, label: string) => prepareJobStatus(jobs).find((f) => f.label === label)!;

describe("prepareJobStatus", () => {
  it("marks nothing on an idle queue and says none waits", () => {
    expect(prepareJobStatus(idle).filter((f) => f.warn)).toEqual([]);
    expect(fact(idle, "Oldest waiting").value).toBe("none waiting");
  });

  it("marks a backlog nobody works on, but not one being worked on", () => {
    const stalled = { ...idle, waiting: 1200, oldestWaitingSeconds: 600 };
    expect(fact(stalled, "Waiting")).toEqual({ label: "Waiting", value: "1,200", warn: true });
    expect(fact(stalled, "Oldest waiting")).toMatchObject({ value: "10 min", warn: true });
    expect(fact({ ...stalled, active: 2 }, "Waiting").warn).toBe(false);
    expect(fact({ ...stalled, completedLastMinute: 40 }, "Waiting").warn).toBe(false);
  });

  it("marks parked jobs and gives the throughput per minute over 15 minutes", () => {
    const busy = { ...idle, parked: 2, completedLast15Minutes: 45 };
    expect(fact(busy, "Parked (failed every attempt)").warn).toBe(true);
    expect(fact(busy, "Throughput, last 15 minutes").value).toBe("3 task views a minute");
  });
});

describe("toWaitText", () => {
  it("rounds to seconds, minutes or hours", () => {
    expect(toWaitText(12.4)).toBe("12 s");
    expect(toWaitText(240)).toBe("4 min");
    expect(toWaitText(3 * 3600 + 100)).toBe("3 h");
  });
});
