/** The four states every data view has, decided in one place. */
export type ViewState<T> =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "empty"; message: string }
  | { kind: "ready"; data: T };

export function toViewState<T>(
  query: { status: "pending" | "error" | "success"; data?: T; error: Error | null },
  isEmpty: (data: T) => string | null,
): ViewState<T> {
  if (query.status === "pending") return { kind: "loading" };
  if (query.status === "error") return { kind: "error", message: query.error?.message ?? "request failed" };
  const data = query.data as T;
  const emptyMessage = isEmpty(data);
  return emptyMessage === null ? { kind: "ready", data } : { kind: "empty", message: emptyMessage };
}
