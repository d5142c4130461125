import type { Verdict } from "@/lib/schemas/analysis";
import { VERDICT_STYLE } from "@/lib/charts/verdict-style";

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const style = VERDICT_STYLE[verdict];
  return (
    <span className="badge" data-verdict={verdict} title={style.help} style={{ borderColor: style.color, color: style.color }}>
      {style.label}
    </span>
  );
}
