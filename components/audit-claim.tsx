import Link from "next/link";
import type { AuditClaim, AuditTask } from "@/lib/schemas/audit";
import { AGREEMENT_LABEL } from "@/lib/audit/to-agreement";
import { describeExpectations, describePaired, describeScale, describeTally, describeViewItems, taskViews } from "@/lib/audit/describe-audit";
import { VerdictBadge } from "./verdict-badge";

function AuditTaskTable({ task, alpha }: { task: AuditTask; alpha: number }) {
  if (!task.inStore) {
    return (
      <>
        <h3>{task.task}</h3>
        <p className="muted">Not in the store: no results of this task are stored.</p>
      </>
    );
  }
  const compared = task.families.filter((f) => f.sameModels !== null);
  return (
    <>
      <h3><Link href={`/tasks/${encodeURIComponent(task.task)}`}>{task.task}</Link></h3>
      <p>Families: {describeTally(task)}.</p>
      <table className="audit" aria-label={`Verdicts on ${task.task}`}>
        <thead>
          <tr>
            <th>Family</th><th>Metric</th><th>Verdict</th><th>Against the claim</th><th>10–90 % width, decades [95 % bounds]</th>
            <th>p sharper / p wider than W</th><th>Threshold [95 % CI]</th><th>Sizes</th><th>Paired tests</th><th>View</th>
          </tr>
        </thead>
        <tbody>
          {task.families.flatMap((f) =>
            f.byMetric.map((m) => (
              <tr key={`${f.family}|${m.metric}`} data-agreement={m.agreement}>
                <td>{f.family}</td><td>{m.metric}</td>
                <td><VerdictBadge verdict={m.verdict} /><div className="reason">{m.reason}</div></td>
                <td>{AGREEMENT_LABEL[m.agreement]}</td><td>{m.width}</td><td>{m.p}</td><td>{m.threshold}</td><td>{m.scales}</td>
                <td>{describePaired(m, alpha)}</td>
                <td><Link href={m.href} aria-label={`${f.family} on ${task.task} (${m.metric})`}>view</Link></td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {compared.length > 0 && (
        <>
          <p>Every metric over the same models (the mirage test):</p>
          <ul>{compared.map((f) => <li key={f.family}>{f.family}: {f.sameModels!.statement}</li>)}</ul>
        </>
      )}
      {taskViews(task).map((v) => <p key={v.metric} className="muted">{describeViewItems(task.task, v.metric, v.itemModels)}</p>)}
    </>
  );
}

/** One claim of the literature: where it is stated, what it says, and every stored family's verdict on its tasks. */
export function AuditClaimSection({ claim, alpha }: { claim: AuditClaim; alpha: number }) {
  const inStore = claim.tasks.some((t) => t.inStore);
  return (
    <section className="audit-claim" id={claim.id} aria-labelledby={`${claim.id}-title`}>
      <h2 id={`${claim.id}-title`}>{claim.ability}</h2>
      <dl className="facts">
        <dt>Source</dt><dd>{claim.source}, {claim.where}</dd>
        <dt>Claimed for</dt><dd>{claim.claimedFor}</dd>
        <dt>Claim</dt><dd>{describeExpectations(claim)}</dd>
        <dt>Emergent scale</dt><dd>{describeScale(claim)}</dd>
        <dt>Store tasks</dt><dd>{claim.storeTasks.length > 0 ? claim.storeTasks.join(", ") : "none known"}{inStore ? "" : " — not in the store"}</dd>
        <dt>Note</dt><dd>{claim.note}</dd>
      </dl>
      {claim.tasks.map((t) => <AuditTaskTable key={t.task} task={t} alpha={alpha} />)}
    </section>
  );
}
