import { describe, expect, it } from "vitest";
import { filterTasks } from "./filter-tasks";

const task = (name: string, suite: string | null) => ({ name, suite, chance: null, isGroup: false, metrics: [], families: 1, models: 1, results: 1, verdicts: {} });

describe("filterTasks", () => {
  const tasks = [task("hendrycksTest-anatomy", "mmlu"), task("lambada_openai", null), task("arc_easy", "arc")];
  it("matches every word against name and suite, ignoring case", () => {
    expect(filterTasks(tasks, "MMLU anat").map((t) => t.name)).toEqual(["hendrycksTest-anatomy"]);
    expect(filterTasks(tasks, "a").length).toBe(3);
    expect(filterTasks(tasks, "lambada x")).toEqual([]);
  });
  it("returns everything for a blank search", () => {
    expect(filterTasks(tasks, "  ")).toHaveLength(3);
  });
});
