"use client";

import Link from "next/link";
import { useState } from "react";
import { useTasksQuery } from "@/lib/queries/tasks-query";
import { toLoadState } from "@/lib/queries/load-state";
import { filterTasks } from "@/lib/view-models/filter-tasks";
import { QueryFrame } from "./query-frame";

export function TaskList() {
  const query = useTasksQuery();
  const [search, setSearch] = useState("");
  const state = toLoadState(query, (d) =>
    d.tasks.length === 0 ? "No results yet. Ingest evaluation files with `npm run ingest -- PATH`." : null,
  );
  return (
    <section>
      <label className="search">
        Search tasks{" "}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. lambada, mmlu" />
      </label>
      <QueryFrame state={state}>
        {(data) => {
          const tasks = filterTasks(data.tasks, search);
          return (
            <>
              <p className="muted">{tasks.length} of {data.tasks.length} tasks</p>
              <table>
                <thead>
                  <tr><th>Task</th><th>Suite</th><th>Metrics</th><th>Families</th><th>Models</th><th>Chance</th></tr>
                </thead>
                <tbody>
                  {tasks.map((t) => (
                    <tr key={t.name}>
                      <td>
                        <Link href={`/tasks/${encodeURIComponent(t.name)}`}>{t.name}</Link>
                        {t.isGroup && <span className="muted" title="an aggregate of other tasks, left out of the overview"> (group)</span>}
                      </td>
                      <td>{t.suite ?? "—"}</td>
                      <td>{t.metrics.join(", ")}</td>
                      <td>{t.families}</td>
                      <td>{t.models}</td>
                      <td>{t.chance ?? "unknown"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </QueryFrame>
    </section>
  );
}
