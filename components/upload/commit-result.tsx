import Link from "next/link";
import type { CommitResultModel } from "@/lib/view-models/prepare-commit-result";

/** The summary of a finished commit, with links to the task pages it changed. */
export function CommitResult({ result }: { result: CommitResultModel }) {
  return (
    <section aria-labelledby="commit-result-heading" className="commit-result">
      <h2 id="commit-result-heading">{result.title}</h2>
      <dl className="preview-facts">
        {result.counts.map((c) => (
          <div key={c.label}>
            <dt>{c.label}</dt>
            <dd>{c.value}</dd>
          </div>
        ))}
      </dl>
      {result.analysisNote && <p className="muted" role="status">{result.analysisNote}</p>}
      {result.unknownScaleModels.length > 0 && (
        <p className="muted">Stored with scale unknown (not plotted): {result.unknownScaleModels.join(", ")}.</p>
      )}
      {result.links.length > 0 && (
        <nav aria-label={result.linksLabel}>
          <h3>{result.linksLabel}</h3>
          <ul className="task-links">
            {result.links.map((l) => <li key={l.task}><Link href={l.href}>{l.task}</Link></li>)}
          </ul>
          {result.moreTasks > 0 && <p className="muted">and {result.moreTasks} more tasks.</p>}
        </nav>
      )}
    </section>
  );
}
