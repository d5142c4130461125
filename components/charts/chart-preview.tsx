"use client";

import { createContext, useContext } from "react";

/** The server-drawn SVG of the task page's first view (lib/services/figures/chart-preview.ts), or null. */
export const ChartPreviewContext = createContext<string | null>(null);

/**
 * Stands in for the interactive chart while its code loads: the same view drawn by the export
 * renderer on the server, so the chart is on screen at first paint. Hidden from assistive
 * technology; the interactive chart that replaces it carries the accessible name.
 */
export function ChartPreview() {
  const svg = useContext(ChartPreviewContext);
  if (svg === null) return <p role="status" className="muted">Drawing chart…</p>;
  return <figure className="chart chart-preview" aria-hidden="true" data-testid="chart-preview" dangerouslySetInnerHTML={{ __html: svg }} />;
}
