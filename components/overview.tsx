"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useOverviewQuery } from "@/lib/queries/overview-query";
import { toOverviewSearch } from "@/lib/view-state/overview-view";
import { toLoadState } from "@/lib/queries/load-state";
import { prepareSparkline } from "@/lib/charts/prepare-sparkline";
import { toTaskHref } from "@/lib/view-state/task-view";
import { AXES, SCALE_AXES } from "@/lib/domain/scale-axes";
import { VERDICTS, VERDICT_STYLE } from "@/lib/charts/verdict-style";
import { formatP } from "@/lib/charts/prepare-evidence";
import type { OverviewItem, OverviewQuery, OverviewResponse } from "@/lib/schemas/overview";
import { QueryFrame } from "./query-frame";
import { VerdictBadge } from "./verdict-badge";
import { Sparkline } from "./charts/sparkline";

function Select({ label, value, options, onChange }: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label>
      {label}{" "}
      <select aria-label={label} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">all</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

function Filters({ query, data, onChange }: { query: OverviewQuery; data: OverviewResponse | undefined; onChange: (next: Partial<OverviewQuery>) => void }) {
  const plain = (values: string[] | undefined) => [...(values ?? [])].sort().map((v) => ({ value: v, label: v }));
  const counts = data?.facets.verdicts ?? {};
  return (
    <div className="controls">
      <label className="search">
        Search{" "}
        <input type="search" defaultValue={query.q ?? ""} placeholder="task, suite or family"
          onChange={(e) => onChange({ q: e.target.value || undefined })} />
      </label>
      <Select label="Verdict" value={query.verdict} onChange={(v) => onChange({ verdict: v as OverviewQuery["verdict"] })}
        options={VERDICTS.map((v) => ({ value: v, label: `${VERDICT_STYLE[v].label} (${counts[v] ?? 0})` }))} />
      <Select label="Suite" value={query.suite} options={plain(data?.facets.suites)} onChange={(v) => onChange({ suite: v })} />
      <Select label="Family" value={query.family} options={plain(data?.facets.families)} onChange={(v) => onChange({ family: v })} />
      <Select label="Metric" value={query.metric} options={plain(data?.facets.metrics)} onChange={(v) => onChange({ metric: v })} />
      {(data?.facets.filters.length ?? 0) > 1 && (
        <Select label="Filter" value={query.filter} options={plain(data?.facets.filters)} onChange={(v) => onChange({ filter: v })} />
      )}
      <label>
        Sort{" "}
        <select aria-label="Sort" value={query.sort} onChange={(e) => onChange({ sort: e.target.value as OverviewQuery["sort"] })}>
          <option value="evidence">verdict, then q-value</option>
          <option value="q">q-value</option>
        </select>
      </label>
      <label>
        Scale{" "}
        <select aria-label="Scale" value={query.x} onChange={(e) => onChange({ x: e.target.value as OverviewQuery["x"] })}>
          {SCALE_AXES.map((a) => <option key={a} value={a}>{AXES[a].choice}</option>)}
        </select>
      </label>
    </div>
  );
}

function Card({ item, x }: { item: OverviewItem; x: OverviewQuery["x"] }) {
  const href = toTaskHref({ task: item.task, metric: item.metric, shots: item.shots ?? "unknown", filter: item.filter, x });
  const title = `${item.task} · ${item.metric}${item.filter === "none" ? "" : ` (${item.filter})`}${item.shots === null ? "" : ` · ${item.shots}-shot`}`;
  return (
    <li className="card">
      <Link href={href} className="card-link" aria-label={`${title} · ${item.family}: ${VERDICT_STYLE[item.verdict].label}`}>
        <div className="card-head"><strong>{item.family}</strong><VerdictBadge verdict={item.verdict} link={false} /></div>
        <div className="card-title">{title}</div>
        <Sparkline model={prepareSparkline(item)} label={`${item.family} on ${title}`} />
        <p className="card-reason">{item.reason}</p>
        {item.qValue !== null && (
          <p className="card-q">
            q = {formatP(item.qValue)}
            {item.verdict === "abrupt" && item.qValue < 0.05 && <span className="fdr-pass"> · abrupt at FDR 5 %</span>}
          </p>
        )}
      </Link>
    </li>
  );
}

export function Overview({ query }: { query: OverviewQuery }) {
  const router = useRouter();
  const pathname = usePathname();
  const overview = useOverviewQuery(query);
  const change = (next: Partial<OverviewQuery>) => {
    const search = toOverviewSearch({ ...query, limit: 48, offset: 0, ...next });
    router.replace(`${pathname}?${search}`, { scroll: false });
  };
  const state = toLoadState(overview, (d) =>
    d.total > 0 ? null : "No curves match. Clear a filter, or ingest results with `npm run ingest -- PATH`.",
  );
  return (
    <section>
      <Filters query={query} data={overview.data} onChange={change} />
      <QueryFrame state={state}>
        {(data) => (
          <>
            <p className="muted">
              {data.total} curves, {query.sort === "q" ? "lowest q-value first" : "strongest evidence of emergence first"}. q-values: Benjamini–Hochberg over
              the {data.fdr.tested} curves with a sharpness test in this selection (every filter above except the verdict), computed for
              this page; {data.fdr.abruptAtFdr5} abrupt {data.fdr.abruptAtFdr5 === 1 ? "curve survives" : "curves survive"} a 5 % false discovery
              rate over them. Each verdict itself is a claim about its own curve at α = 0.05 and does not change with the selection.
            </p>
            {data.pendingViews > 0 && (
              <p role="status" className="notice">
                {data.pendingViews} task {data.pendingViews === 1 ? "view has" : "views have"} new results still being analysed; their verdicts here are from before.
              </p>
            )}
            <ul className="cards">{data.items.map((item) => <Card key={`${item.task}|${item.metric}|${item.shots}|${item.filter}|${item.family}`} item={item} x={query.x} />)}</ul>
            {data.total > data.items.length && (
              <nav aria-label="Overview pages" className="pager">
                <button type="button" disabled={query.offset === 0} onClick={() => change({ offset: Math.max(0, query.offset - query.limit), limit: query.limit })}>
                  Previous
                </button>{" "}
                <span>Curves {query.offset + 1}–{query.offset + data.items.length} of {data.total}</span>{" "}
                <button type="button" disabled={query.offset + data.items.length >= data.total} onClick={() => change({ offset: query.offset + query.limit, limit: query.limit })}>
                  Next
                </button>
              </nav>
            )}
          </>
        )}
      </QueryFrame>
    </section>
  );
}
