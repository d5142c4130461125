"use client";

import { useState } from "react";
import type { ItemsResponse } from "@/lib/schemas/items";
import type { ScaleAxis } from "@/lib/schemas/curves";
import { useItemsQuery } from "@/lib/queries/items-query";
import { ApiRequestError } from "@/lib/queries/request-api";
import { prepareFlipMap } from "@/lib/charts/prepare-flip-map";
import { formatAxisValue } from "@/lib/domain/scale-axes";
import { FlipMapCanvas } from "./flip-map-canvas";
import { VerdictBadge } from "../verdict-badge";

const PAGE = 25;
const pct = (share: number) => `${(100 * share).toFixed(1)} %`;
const signed = (v: number) => `${v >= 0 ? "+" : ""}${v.toFixed(3)}`;
const formatChance = (chance: number) => String(Number(chance.toPrecision(3)));
const pValue = (p: number) => (p < 1e-4 ? p.toExponential(1) : p.toPrecision(2));

function standingText(row: ItemsResponse["rows"]["items"][number], data: ItemsResponse): string {
  const s = row.standing;
  if (s.kind === "never") return "never correct";
  if (s.kind === "worse") return `worse with scale (last correct at ${formatAxisValue(data.models[s.lastCorrect].x, data.x)})`;
  return s.size === 0 ? "correct at every size" : `correct from ${formatAxisValue(data.models[s.size].x, data.x)}`;
}

/** The mean of each size with its item-bootstrap interval, and between sizes the paired test of the change. */
function AlongTheCurve({ data }: { data: ItemsResponse }) {
  return (
    <table className="evidence" aria-label="Paired tests along the curve">
      <thead>
        <tr><th>Size</th><th>Model</th><th>Items</th><th>Mean [95 % item bootstrap]</th><th>Reported</th><th>Against chance{data.chance === null ? "" : ` (${formatChance(data.chance)})`}</th><th>Step from the size before: change [95 % Newcombe], exact McNemar p (Holm)</th><th>Flips</th></tr>
      </thead>
      <tbody>
        {data.models.map((m, i) => {
          const test = i > 0 ? data.pairedTests[i - 1] : null;
          const step = i > 0 ? data.flipMap.steps[i - 1] : null;
          return (
            <tr key={m.model}>
              <td>{formatAxisValue(m.x, data.x)}</td>
              <td>{m.model}</td>
              <td>{m.items}</td>
              <td>{m.mean === null ? "—" : `${m.mean.toFixed(3)}${m.interval ? ` [${m.interval[0].toFixed(3)}, ${m.interval[1].toFixed(3)}]` : ""}`}</td>
              <td>{m.reported === null ? "—" : m.reported.toFixed(3)}</td>
              <td>{m.againstChance === null ? "—" : m.againstChance === "at" ? "at chance" : `${m.againstChance} chance`}</td>
              <td>
                {test === null ? "—" : `${signed(test.effect)} [${signed(test.interval[0])}, ${signed(test.interval[1])}], p = ${pValue(test.pAdjusted)}`}
                {test?.significant && <strong>{test.effect > 0 ? " real rise" : " real drop"}</strong>}
              </td>
              <td>{step === null ? "—" : `${pct(step.gained)} gained, ${pct(step.lost)} lost, ${pct(step.settles)} settle`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Mirage({ data }: { data: ItemsResponse }) {
  const { comparison, scores } = data.mirage;
  return (
    <>
      <h3>The same outputs under a continuous score</h3>
      <p role="note" className={comparison?.dependsOnMetric ? "mirage-warning" : "muted"}>{data.mirage.adds}</p>
      {comparison && (
        <table className="evidence" aria-label="Verdicts on the same items">
          <thead><tr><th>Score</th><th>Source</th><th>Verdict over {data.mirage.items} items and {comparison.models.length} models</th></tr></thead>
          <tbody>
            {comparison.byMetric.map((b) => (
              <tr key={b.metric}>
                <td>{b.metric}</td>
                <td>{scores.find((s) => s.name === b.metric)?.source === "computed" ? "computed from the stored responses and targets" : "stored per item"}</td>
                <td><VerdictBadge verdict={b.analysis.verdict} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * The items of one family on the task view (GET /api/items): the flip map as a
 * heat map of server-side bins, the paired tests along the curve, the mirage test
 * on the same items, and a page of item rows. Renders nothing when the view has no items.
 */
export function ItemsSection({ view }: { view: { task: string; metric: string; shots: number | "unknown"; filter: string; x: ScaleAxis } }) {
  const [family, setFamily] = useState<string | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const items = useItemsQuery({ ...view, family, offset, limit: PAGE });
  if (items.error instanceof ApiRequestError && items.error.status === 404) return null;
  if (items.isError) return <p role="alert" className="error">Could not load the items: {items.error.message}</p>;
  const data = items.data;
  if (!data) return <p role="status" className="muted">Reading the items…</p>;
  const drawing = prepareFlipMap(data);
  return (
    <section aria-label="Items across sizes">
      <h2>Items across sizes</h2>
      {data.families.length > 1 && (
        <label>
          Family{" "}
          <select aria-label="Items family" value={data.family} onChange={(e) => { setFamily(e.target.value); setOffset(0); }}>
            {data.families.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
      )}
      <p className="muted">
        {data.complete} items scored under every size of {data.family}
        {data.incomplete > 0 ? ` (${data.incomplete} left out: some size has no score for them)` : ""}. Rows: items ordered by the
        size from which each stays correct, then items that get worse with scale (red margin), then items never correct; a
        cell&apos;s shade is the share of its items correct under {data.metric}. A thick line between sizes: the exact McNemar
        test on the same items finds a change there (Holm-adjusted, α = 0.05). {pct(data.flipMap.correctThroughout)} correct
        at every size, {pct(data.flipMap.worse)} worse with scale, {pct(data.flipMap.never)} never correct.{" "}
        {data.chance === null
          ? `Chance level under ${data.metric} on this task: not known.`
          : `Chance level under ${data.metric}: ${formatChance(data.chance)}; a size is above or below it only when its whole 95 % interval is.`}
      </p>
      <FlipMapCanvas drawing={drawing} />
      <AlongTheCurve data={data} />
      <Mirage data={data} />
      <table className="evidence" aria-label="Items">
        <thead><tr><th>Item</th>{data.models.map((m) => <th key={m.model}>{formatAxisValue(m.x, data.x)}</th>)}<th>Standing</th></tr></thead>
        <tbody>
          {data.rows.items.map((row) => (
            <tr key={row.key}>
              <td>{row.key}</td>
              {row.values.map((v, i) => <td key={i}>{Number.isInteger(v) ? v : v.toFixed(3)}</td>)}
              <td>{standingText(row, data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous items</button>{" "}
        Items {data.complete === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE, data.complete)} of {data.complete}{" "}
        <button type="button" disabled={offset + PAGE >= data.complete} onClick={() => setOffset(offset + PAGE)}>Next items</button>
      </p>
    </section>
  );
}
