import type { AuditClaim } from "@/lib/schemas/audit";
import { summarizeClaim } from "@/lib/audit/describe-audit";

/** One line per claim: where it is stated, its tasks (in the store or not), and how the stored families read against it. */
export function AuditSummary({ claims }: { claims: AuditClaim[] }) {
  return (
    <table className="audit-summary" aria-label="Claims of emergence">
      <thead><tr><th>Claim</th><th>Source</th><th>Store tasks</th><th>Families against the claim</th></tr></thead>
      <tbody>
        {claims.map((c) => {
          const s = summarizeClaim(c);
          return (
            <tr key={c.id}>
              <td><a href={`#${c.id}`}>{c.ability}</a></td><td>{s.source}</td><td>{s.tasks}</td><td>{s.families}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
