"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { DeletedUploadModel } from "@/lib/view-models/prepare-upload-deletion";

/** What a deletion removed, or that the upload was already gone; focused when shown, as the card it was about has left the list. */
export function DeletionOutcome({ deleted, gone, focusKey, onDismiss }: {
  deleted: DeletedUploadModel | null;
  /** changes once per outcome (the attempt's time and status), so focus moves here once, not on every render */
  focusKey: string;
  /** the 404 message, when someone else deleted the upload first */
  gone: string | null;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [focusKey]);
  if (deleted === null && gone === null) return null;
  const dismiss = <button type="button" onClick={onDismiss}>Dismiss</button>;
  if (deleted === null) {
    return (
      <section ref={ref} tabIndex={-1} role="alert" className="deletion-outcome error">
        <p>Nothing deleted (HTTP 404): {gone} — it was deleted elsewhere; the list is refreshed. {dismiss}</p>
      </section>
    );
  }
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="deleted-heading" className="deletion-outcome">
      <h2 id="deleted-heading">{deleted.title}</h2>
      <ul>{deleted.facts.map((f) => <li key={f}>{f}</li>)}</ul>
      {deleted.links.length > 0 && (
        <nav aria-label={deleted.linksLabel}>
          <h3>{deleted.linksLabel}</h3>
          <ul className="task-links">
            {deleted.links.map((l) => <li key={l.task}><Link href={l.href}>{l.task}</Link></li>)}
          </ul>
        </nav>
      )}
      {dismiss}
    </section>
  );
}
