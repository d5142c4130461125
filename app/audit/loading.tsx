export default function Loading() {
  return <p role="status" className="muted">Reading the stored verdicts for the audit…</p>;
}
