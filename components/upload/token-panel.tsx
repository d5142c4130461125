"use client";

import { useState, type FormEvent } from "react";

/** Asks for the API token once; afterwards only says that one is set. `purpose` names what needs it. */
export function TokenPanel({ hasToken, onSet, onClear, purpose = { needs: "Uploading", sentWith: "each preview and commit" } }: {
  hasToken: boolean;
  onSet: (token: string) => void;
  onClear: () => void;
  purpose?: { needs: string; sentWith: string };
}) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const token = draft.trim();
    if (!/^[A-Za-z0-9._~+/-]+=*$/.test(token)) {
      setError("That does not look like a token: paste the line `npm run token -- create NAME` printed.");
      return;
    }
    setDraft("");
    setError(null);
    onSet(token);
  };
  if (hasToken) {
    return (
      <section aria-label="API token" className="upload-token">
        <p>
          <span className="badge token-set">token set</span> Kept for this tab only; it is sent with {purpose.sentWith}.{" "}
          <button type="button" onClick={onClear}>Clear token</button>
        </p>
      </section>
    );
  }
  return (
    <section aria-label="API token" className="upload-token">
      <form onSubmit={submit}>
        <label>
          API token{" "}
          <input type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="token-help" />
        </label>{" "}
        <button type="submit" disabled={draft.trim() === ""}>Use token</button>
      </form>
      <p id="token-help" className="muted">
        {purpose.needs} needs an API token. Create one on the server with <code>npm run token -- create NAME</code>; it is printed once.
        It stays in this tab&apos;s session storage until you clear it or close the tab.
      </p>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
