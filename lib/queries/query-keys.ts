import type { ComparisonQuery } from "@/lib/schemas/comparison";
import type { CurvesQuery } from "@/lib/schemas/curves";
import type { OverviewQuery } from "@/lib/schemas/overview";
import { toOverviewSearch } from "@/lib/view-state/overview-view";
import { toComparisonSearch } from "@/lib/view-state/comparison-view";
import { toForecastSearch } from "@/lib/view-state/forecast-view";
import type { ForecastQuery } from "@/lib/schemas/forecast";
import { toPooledSearch } from "@/lib/view-state/pooled-view";
import type { PooledQuery } from "@/lib/schemas/pooled";
import { toLossSearch } from "@/lib/view-state/loss-view";
import type { LossQuery } from "@/lib/schemas/loss-axis";
import { toTaskApiSearch } from "@/lib/view-state/task-view";
import { toItemsSearch, type ItemsRequest } from "@/lib/view-state/items-view";

/** One key factory per resource; an upload invalidates `all` of what it touched. */
export const queryKeys = {
  health: ["health"] as const,
  tasks: { all: ["tasks"] as const, list: () => ["tasks", "list"] as const },
  curves: {
    all: ["curves"] as const,
    detail: (q: CurvesQuery) => ["curves", toTaskApiSearch(q)] as const,
  },
  analysis: {
    all: ["analysis"] as const,
    detail: (q: CurvesQuery) => ["analysis", toTaskApiSearch(q)] as const,
  },
  comparison: {
    all: ["comparison"] as const,
    detail: (q: ComparisonQuery) => ["comparison", toComparisonSearch(q)] as const,
  },
  forecast: {
    all: ["forecast"] as const,
    detail: (q: ForecastQuery) => ["forecast", toForecastSearch(q)] as const,
  },
  pooled: {
    all: ["pooled"] as const,
    detail: (q: PooledQuery) => ["pooled", toPooledSearch(q)] as const,
  },
  items: {
    all: ["items"] as const,
    detail: (q: ItemsRequest) => ["items", toItemsSearch(q)] as const,
  },
  loss: {
    all: ["loss"] as const,
    detail: (q: LossQuery) => ["loss", toLossSearch(q)] as const,
  },
  overview: {
    all: ["overview"] as const,
    list: (q: OverviewQuery) => ["overview", toOverviewSearch(q)] as const,
  },
  models: {
    all: ["models"] as const,
    list: () => ["models", "list"] as const,
    /** the same route read in full (sources, edits) for /models; its own key, since the list's schema keeps less */
    registry: (search: string) => ["models", "registry", search] as const,
    checkpoints: (id: number) => ["models", "checkpoints", id] as const,
  },
  uploads: {
    all: ["uploads"] as const,
    lists: ["uploads", "list"] as const,
    /** `viewer`: null for an anonymous read, else the token's shown prefix (token holders see token names) */
    list: (page: { limit: number; offset: number }, viewer: string | null = null) => ["uploads", "list", page.limit, page.offset, viewer] as const,
    detail: (id: number) => ["uploads", "detail", id] as const,
    /** the dry run of one batch of picked files; `tokenEpoch` counts token changes, so a new token previews again */
    preview: (batchId: string, tokenEpoch: number) => ["uploads", "preview", batchId, tokenEpoch] as const,
  },
};
