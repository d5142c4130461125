"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiRequestError } from "@/lib/queries/request-api";

/** A 4xx will not change on retry; a network error or 5xx gets one more try. */
function retryOnce(failures: number, error: Error): boolean {
  return failures < 1 && !(error instanceof ApiRequestError && error.status < 500);
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: retryOnce } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
