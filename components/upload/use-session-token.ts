"use client";

import { useCallback, useState, useSyncExternalStore } from "react";

const KEY = "emergence-atlas.api-token";
const CHANGE = "emergence-atlas:token-change";

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE, onChange);
    window.removeEventListener("storage", onChange);
  };
}

function read(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/**
 * The API token for this tab: kept in sessionStorage (gone when the tab
 * closes), never rendered. `epoch` counts changes, so queries made with an
 * older token are not reused.
 */
export function useSessionToken() {
  const token = useSyncExternalStore(subscribe, read, () => null);
  const [epoch, setEpoch] = useState(0);
  const change = useCallback((next: string | null) => {
    try {
      if (next === null) window.sessionStorage.removeItem(KEY);
      else window.sessionStorage.setItem(KEY, next);
    } finally {
      setEpoch((e) => e + 1);
      window.dispatchEvent(new Event(CHANGE));
    }
  }, []);
  return { token, epoch, setToken: change, clearToken: useCallback(() => change(null), [change]) };
}
