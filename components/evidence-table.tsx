import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { prepareEvidence } from "@/lib/charts/prepare-evidence";
import { VerdictBadge } from "./verdict-badge";

/** Per family: the verdict and the numbers behind it. */
export function EvidenceTable({ analyses }: { analyses: CurveAnalysis[] }) {
  if (analyses.length === 0) return <p className="muted">No stored analysis for this view yet.</p>;
  const rows = analyses.map(prepareEvidence);
  return (
    <table className="evidence" aria-label="Emergence evidence per family">
      <thead>
        <tr>
          <th>Family</th><th>Verdict</th><th>Robust breakthroughness [95% CI]</th><th>BIG-bench B</th>
          <th>p vs smooth fit</th><th>Best fit</th><th>Threshold [95% CI]</th><th>Above chance</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.family}>
            <td>{r.family}</td>
            <td><VerdictBadge verdict={r.verdict} /><div className="reason">{r.reason}</div></td>
            <td>{r.score}</td><td>{r.bigbench}</td><td>{r.p}</td><td>{r.fit}</td><td>{r.threshold}</td><td>{r.aboveChance}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
