import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { prepareEvidence } from "@/lib/charts/prepare-evidence";
import { VerdictBadge } from "./verdict-badge";

/** Per family: the verdict, what would decide it when the data do not, and the numbers behind it. */
export function EvidenceTable({ analyses }: { analyses: CurveAnalysis[] }) {
  if (analyses.length === 0) return <p className="muted">No stored analysis for this view yet.</p>;
  const rows = analyses.map(prepareEvidence);
  return (
    <table className="evidence" aria-label="Emergence evidence per family">
      <thead>
        <tr>
          <th>Family</th><th>Verdict</th><th>Fitted change</th><th>10–90 % width, decades [95 % bounds]</th>
          <th>p sharper / p wider than W</th><th>Slope per decade</th><th>Equivalence</th><th>Threshold [95 % CI]</th>
          <th>Robust breakthroughness [95 % CI]</th><th>BIG-bench B</th><th>BIG-bench L</th><th>Best form</th><th>Above chance</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.family}>
            <td>{r.family}</td>
            <td>
              <VerdictBadge verdict={r.verdict} />
              <div className="reason">{r.reason}</div>
              {r.decide && <div className="decide">Would decide: {r.decide}</div>}
              {r.flags.length > 0 && <div className="flags">{r.flags.join("; ")}</div>}
            </td>
            <td>{r.change}</td><td>{r.width}</td><td>{r.p}</td><td>{r.slope}</td><td>{r.equivalence}</td>
            <td>{r.threshold}</td><td>{r.score}</td><td>{r.bigbench}</td><td>{r.linearity}</td><td>{r.fit}</td><td>{r.aboveChance}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
