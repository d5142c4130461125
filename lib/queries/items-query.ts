import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { itemsResponseSchema } from "@/lib/schemas/items";
import { toItemsSearch, type ItemsRequest } from "@/lib/view-state/items-view";
import { queryKeys } from "./query-keys";

/** One family's items on a task view (GET /api/items); a 404 means the view has no items, and is not retried. */
export function useItemsQuery(q: ItemsRequest) {
  return useQuery({
    queryKey: queryKeys.items.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/items?${toItemsSearch(q)}`, itemsResponseSchema, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
