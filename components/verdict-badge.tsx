import Link from "next/link";
import type { Verdict } from "@/lib/schemas/analysis";
import { VERDICT_STYLE, verdictHref } from "@/lib/charts/verdict-style";

/** A verdict's label, linked to the statement of what it claims. */
export function VerdictBadge({ verdict, link = true }: { verdict: Verdict; link?: boolean }) {
  const style = VERDICT_STYLE[verdict];
  const badge = (
    <span className="badge" data-verdict={verdict} title={style.help} style={{ borderColor: style.color, color: style.color }}>
      {style.label}
    </span>
  );
  return link ? <Link href={verdictHref(verdict)} aria-label={`${style.label}: what this verdict claims`}>{badge}</Link> : badge;
}
