import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { invalidateResultViews } from "./invalidate-result-views";
import { queryKeys } from "./query-keys";

const view = { task: "sciq", x: "params" as const };

describe("invalidateResultViews", () => {
  it("marks stale every view of stored results, and leaves file previews and single uploads alone", async () => {
    const client = new QueryClient();
    const keys = {
      list: queryKeys.uploads.list({ limit: 20, offset: 0 }),
      tasks: queryKeys.tasks.list(),
      curves: queryKeys.curves.detail(view),
      analysis: queryKeys.analysis.detail(view),
      comparison: queryKeys.comparison.detail(view),
      forecast: queryKeys.forecast.detail({ ...view, x: "flops", form: "logistic", level: 0.9 }),
      pooled: queryKeys.pooled.detail({ ...view, x: "flops" }),
      items: queryKeys.items.detail({ ...view, family: "Pythia" }),
      loss: queryKeys.loss.detail({ task: "sciq", ref: "lambada_openai:ppl" }),
      overview: queryKeys.overview.list({ x: "params", sort: "evidence", limit: 50, offset: 0 }),
      models: queryKeys.models.list(),
      preview: queryKeys.uploads.preview("batch-1", 0),
      detail: queryKeys.uploads.detail(7),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, { seeded: true });
    await invalidateResultViews(client);
    const stale = Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated]));
    expect(stale).toEqual({ list: true, tasks: true, curves: true, analysis: true, comparison: true, forecast: true, pooled: true, items: true, loss: true, overview: true, models: true, preview: false, detail: false });
  });
});
