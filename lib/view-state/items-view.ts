import type { ItemsQuery } from "@/lib/schemas/items";

/** The items section's API query, as the input to itemsQuerySchema (offset and limit may be left to their defaults). */
export type ItemsRequest = Omit<ItemsQuery, "offset" | "limit"> & { offset?: number; limit?: number };

/** The items section's API query: the task view, the family (default: the server's pick), and the page of rows. */
export function toItemsSearch(q: ItemsRequest): string {
  const params = new URLSearchParams({ task: q.task });
  if (q.family) params.set("family", q.family);
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  params.set("x", q.x);
  if (q.offset) params.set("offset", String(q.offset));
  if (q.limit) params.set("limit", String(q.limit));
  return params.toString();
}
