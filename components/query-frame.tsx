import type { ReactNode } from "react";
import type { LoadState } from "@/lib/queries/load-state";

/** Renders loading, error and empty the same way everywhere; `children` draws the ready state. */
export function QueryFrame<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ReactNode }) {
  switch (state.kind) {
    case "loading":
      return <p role="status" className="muted">Loading…</p>;
    case "error":
      return <p role="alert" className="error">Could not load: {state.message}</p>;
    case "empty":
      return <p className="empty">{state.message}</p>;
    case "ready":
      return <>{children(state.data)}</>;
  }
}
