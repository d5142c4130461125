/** The four states every data query is in (loading, error, empty, ready), decided in one place. */
export type LoadState<T> =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "empty"; message: string }
  | { kind: "ready"; data: T };

export function toLoadState<T>(
  query: { status: "pending" | "error" | "success"; data?: T; error: Error | null },
  isEmpty: (data: T) => string | null,
): LoadState<T> {
  if (query.status === "pending") return { kind: "loading" };
  if (query.status === "error") return { kind: "error", message: query.error?.message ?? "request failed" };
  const data = query.data as T;
  const emptyMessage = isEmpty(data);
  return emptyMessage === null ? { kind: "ready", data } : { kind: "empty", message: emptyMessage };
}
