"use client";

import { useMemo, useState } from "react";
import { prepareModelRegistry } from "@/lib/view-models/prepare-model-registry";
import { useModelEditMutation } from "@/lib/queries/model-edit-mutations";
import { useModelRegistryQuery } from "@/lib/queries/model-registry-query";
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
  const query = useModelRegistryQuery();
  const { token, setToken, clearToken } = useSessionToken();
  const edit = useModelEditMutation(token);
  const [search, setSearch] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const models = query.data?.models;
  const view = useMemo(() => (models ? prepareModelRegistry(models, search) : null), [models, search]);
  const state = toLoadState(query, (d) =>
    d.models.length === 0 ? "No models stored yet. Upload results, or add a model with a token below." : null,
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
      </p>
      <QueryFrame state={state}>
        {() =>
          view && (
            <>
              <p className="muted">{view.shown} of {view.total} models</p>
              {view.families.length === 0 && <p className="empty">No model matches “{search}”.</p>}
              {view.families.map((family) => (
                <FamilyTable key={family.family} family={family} canEdit={token !== null} send={send} onDone={setNotice} />
              ))}
            </>
          )
        }
      </QueryFrame>
    </>
  );
}
