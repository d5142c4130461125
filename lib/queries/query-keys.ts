import type { CurvesQuery } from "@/lib/schemas/curves";

/** One key factory per resource; an upload invalidates `all` of what it touched. */
export const queryKeys = {
  health: ["health"] as const,
  tasks: { all: ["tasks"] as const, list: () => ["tasks", "list"] as const },
  curves: {
    all: ["curves"] as const,
    detail: (q: CurvesQuery) => ["curves", q.task, q.metric ?? null, q.shots ?? null, q.x] as const,
  },
};
