"use client";

import { useEffect, useMemo, useState } from "react";
import { prepareModelRegistry } from "@/lib/view-models/prepare-model-registry";
import { useModelEditMutation } from "@/lib/queries/model-edit-mutations";
import { MODELS_PAGE_SIZE, useModelRegistryQuery } from "@/lib/queries/model-registry-query";
import { toLoadState } from "@/lib/queries/load-state";
import { QueryFrame } from "../query-frame";
import { TokenPanel } from "../upload/token-panel";
import { useSessionToken } from "../upload/use-session-token";
import { AddModelForm } from "./add-model-form";
import { FamilyTable } from "./family-table";
import styles from "./models.module.css";

const TOKEN_PURPOSE = { needs: "Editing the registry", sentWith: "each edit" };

/** The model registry: families, models, checkpoints, each fact with its source; edits with the tab's token. */
export function ModelsPage() {
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [offset, setOffset] = useState(0);
  // the search goes to the server a moment after typing stops, from the first page
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search);
      setOffset(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);
  const query = useModelRegistryQuery({ q, offset });
  const { token, setToken, clearToken } = useSessionToken();
  const edit = useModelEditMutation(token);
  const [notice, setNotice] = useState<string | null>(null);
  const models = query.data?.models;
  const view = useMemo(() => (models ? prepareModelRegistry(models, "") : null), [models]);
  const total = query.data?.total ?? 0;
  const state = toLoadState(query, (d) =>
    d.total === 0 && q === "" ? "No models stored yet. Upload results, or add a model with a token below." : null,
  );
  const send = edit.mutateAsync;

  return (
    <>
      <TokenPanel hasToken={token !== null} onSet={setToken} onClear={clearToken} needs={TOKEN_PURPOSE.needs} sentWith={TOKEN_PURPOSE.sentWith} />
      {notice && <p role="status" className="token-set">{notice}</p>}
      {token !== null && <AddModelForm send={send} onDone={setNotice} />}
      <label className="search">
        Search models{" "}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="name, alias or family, e.g. pythia" />
      </label>
      <p className={styles.legend}>
        <span>≈ estimated as 6 × parameters × tokens (Kaplan et al. 2020)</span>
        <span>cited: the registry file&apos;s source</span>
        <span>upload: entered with an upload</span>
        <span>edited: corrected here with a token (who, when, why)</span>
        <span>file: stated in the results file, for a model the registry does not know</span>
      </p>
      <QueryFrame state={state}>
        {() =>
          view && (
            <>
              <p className="muted">
                {view.shown === 0 ? "No models" : `Models ${offset + 1}–${offset + view.shown} of ${total}`}
                {q !== "" && ` matching “${q}”`}
              </p>
              {view.families.length === 0 && <p className="empty">No model matches “{q}”.</p>}
              {view.families.map((family) => (
                <FamilyTable key={family.family} family={family} canEdit={token !== null} send={send} onDone={setNotice} />
              ))}
              <nav className="pager" aria-label="Model pages">
                <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - MODELS_PAGE_SIZE))}>Previous {MODELS_PAGE_SIZE}</button>{" "}
                <button type="button" disabled={offset + MODELS_PAGE_SIZE >= total} onClick={() => setOffset(offset + MODELS_PAGE_SIZE)}>Next {MODELS_PAGE_SIZE}</button>
              </nav>
            </>
          )
        }
      </QueryFrame>
    </>
  );
}
