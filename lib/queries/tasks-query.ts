import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { tasksResponseSchema } from "@/lib/schemas/tasks";
import { queryKeys } from "./query-keys";

export function tasksQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tasks.list(),
    queryFn: ({ signal }) => fetchJson("/api/tasks", tasksResponseSchema, signal),
  });
}

export function useTasksQuery() {
  return useQuery(tasksQueryOptions());
}
