import type { Metadata } from "next";
import Link from "next/link";
import { AuditClaimSection } from "@/components/audit-claim";
import { AuditSummary } from "@/components/audit-summary";
import { AGREEMENT_LEGEND, describeRules } from "@/lib/audit/describe-audit";
import { AXIS_NAME } from "@/lib/audit/audit-report";
import { auditQuerySchema } from "@/lib/schemas/audit";
import { scaleAxisSchema } from "@/lib/schemas/curves";
import { buildAudit } from "@/lib/services/audit/build-audit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Emergence audit · Emergence Atlas" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The literature's claims of emergence against the stored verdicts, with the report to download. */
export default async function AuditPage({ searchParams }: Props) {
  const { x: raw } = await searchParams;
  const parsed = auditQuerySchema.safeParse({ x: typeof raw === "string" ? raw : undefined });
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const audit = await buildAudit(query);
  const c = audit.counts;
  return (
    <>
      <h1>Emergence audit</h1>
      <p className="muted">
        Each ability the literature calls emergent (Wei et al. 2022, Table 1 and Figure 2; the mirage dispute of Schaeffer et al. 2023),
        the tasks of the store that measure it, and every stored family&apos;s verdict there under each metric, read against the claim,
        with its evidence and a link to the view. Verdicts are the stored analyses on {AXIS_NAME[audit.x]}; rules: {describeRules(audit.rules)} (
        <Link href="/verdicts">what a verdict claims</Link>). Against the claim: {AGREEMENT_LEGEND}.
      </p>
      <p>
        Axis:{" "}
        {scaleAxisSchema.options.map((x, i) => (
          <span key={x}>{i > 0 && " · "}{x === audit.x ? <strong>{AXIS_NAME[x]}</strong> : <Link href={`/audit?x=${x}`}>{AXIS_NAME[x]}</Link>}</span>
        ))}
      </p>
      <p>
        Store: {c.uploads} uploads, {c.tasks} tasks, {c.models} models in {c.families} families, {c.results} results, {c.curves} curves analysed on{" "}
        {AXIS_NAME[audit.x]}; verdicts last computed {audit.analysedAt ?? "never"}.
      </p>
      <p>
        Download the report, with every view&apos;s figure:{" "}
        <a href={`/api/audit?format=html&x=${audit.x}`} download>HTML</a> ·{" "}
        <a href={`/api/audit?format=md&x=${audit.x}`} download>Markdown</a>
      </p>
      <AuditSummary claims={audit.claims} />
      {audit.claims.map((claim) => <AuditClaimSection key={claim.id} claim={claim} alpha={audit.rules.alpha} />)}
    </>
  );
}
