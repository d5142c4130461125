"use client";

import { useState } from "react";
import type { CurvesQuery } from "@/lib/schemas/curves";
import type { FigureFormat, FigurePreset } from "@/lib/schemas/figures";
import { DEFAULT_EXPORT_FORM, toExportView, toPanelExportView, type ExportForm } from "@/lib/view-state/export-form";
import { toFigureUrl, toPanelFigureUrl, type PanelFigureView } from "@/lib/view-state/figure-view";

const PRESETS: { value: FigurePreset; label: string }[] = [
  { value: "single", label: "Single column (3.25 in)" },
  { value: "double", label: "Double column (6.75 in)" },
  { value: "slide", label: "Slide (16:9, 10 in)" },
  { value: "custom", label: "Custom" },
];

const FORMATS: { format: FigureFormat; label: string; help: string }[] = [
  { format: "svg", label: "SVG", help: "vector" },
  { format: "png", label: "PNG", help: "at the chosen dpi" },
  { format: "pdf", label: "PDF", help: "vector, fonts embedded" },
  { format: "csv", label: "CSV", help: "the data, with sources" },
  { format: "json", label: "JSON", help: "data, caption, citation" },
  { format: "txt", label: "Caption & citation", help: "text to ship beside the CSV" },
];

type FigureUrls = { url: (format: FigureFormat) => string } | { error: string };

/**
 * Downloads of the current view (its families included) from /api/figures: the
 * server renders every format from the same data, so the page's export and a
 * script's are the same file.
 */
export function ExportMenu({ query, families }: { query: CurvesQuery; families: string[] | undefined }) {
  return (
    <FigureExportMenu
      label="Export figure"
      toUrls={(form) => {
        const result = toExportView(query, families, form);
        return "error" in result ? result : { url: (format) => toFigureUrl(result.view, format) };
      }}
    />
  );
}

/** Downloads of one of the task page's panels (loss axis, pooled curve, forecast) as the panel shows it, with the same options. */
export function PanelExportMenu({ panel, label }: { panel: PanelFigureView; label: string }) {
  return (
    <FigureExportMenu
      label={label}
      toUrls={(form) => {
        const result = toPanelExportView(panel, form);
        return "error" in result ? result : { url: (format) => toPanelFigureUrl(result.view, format) };
      }}
    />
  );
}

function FigureExportMenu({ label, toUrls }: { label: string; toUrls: (form: ExportForm) => FigureUrls }) {
  const [form, setForm] = useState<ExportForm>(DEFAULT_EXPORT_FORM);
  // a closed menu renders only its summary: a page with several menus has one set of fields and links at a time
  const [open, setOpen] = useState(false);
  const set = (next: Partial<ExportForm>) => setForm((f) => ({ ...f, ...next }));
  const result = toUrls(form);
  return (
    <details className="export-menu" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}</summary>
      {open && (
        <>
          <div className="export-fields">
            <label>
              Size{" "}
              <select aria-label="Size" value={form.preset} onChange={(e) => set({ preset: e.target.value as FigurePreset })}>
                {PRESETS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
              </select>
            </label>
            {form.preset === "custom" && (
              <>
                <label>Width (in) <input aria-label="Width (in)" type="number" min={1} max={30} step={0.05} value={form.width} onChange={(e) => set({ width: e.target.value })} /></label>
                <label>Height (in) <input aria-label="Height (in)" type="number" min={0.5} max={30} step={0.05} value={form.height} placeholder="0.7 × width" onChange={(e) => set({ height: e.target.value })} /></label>
              </>
            )}
            <label>Font (pt) <input aria-label="Font (pt)" type="number" min={5} max={36} step={0.5} value={form.font} placeholder="preset" onChange={(e) => set({ font: e.target.value })} /></label>
            <label>PNG dpi <input aria-label="PNG dpi" type="number" min={72} max={1200} step={1} value={form.dpi} onChange={(e) => set({ dpi: e.target.value })} /></label>
          </div>
          {"error" in result ? (
            <p role="alert" className="error">{result.error}</p>
          ) : (
            <>
              <ul className="export-links">
                {FORMATS.map(({ format, label, help }) => (
                  <li key={format}>
                    <a href={result.url(format)} download>{label}</a> <span className="muted">{help}</span>
                  </li>
                ))}
              </ul>
              <p className="muted">
                For scripts and notebooks: <code>{result.url("svg")}</code> (any of .svg .png .pdf .csv .json .txt). Each
                file carries a caption and the citation of its data.
              </p>
            </>
          )}
        </>
      )}
    </details>
  );
}
