"use client";

import Link from "next/link";
import { useState } from "react";
import { useUploadQuery } from "@/lib/queries/uploads-query";
import { toLoadState } from "@/lib/queries/load-state";
import { QueryFrame } from "@/components/query-frame";

function TaskLinks({ id, fileName }: { id: number; fileName: string }) {
  const upload = useUploadQuery(id);
  const state = toLoadState(upload, (d) => (d.upload.tasks.length === 0 ? "No stored result comes from this upload any more." : null));
  return (
    <QueryFrame state={state}>
      {(d) => (
        <nav aria-label={`Task pages of ${fileName}`}>
          <ul className="task-links">
            {d.upload.tasks.map((task) => <li key={task}><Link href={`/tasks/${encodeURIComponent(task)}`}>{task}</Link></li>)}
          </ul>
        </nav>
      )}
    </QueryFrame>
  );
}

/** The task pages an upload's results are on, fetched when first opened (an upload can span hundreds of tasks). */
export function UploadTaskLinks({ id, fileName }: { id: number; fileName: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Task pages</summary>
      {opened && <TaskLinks id={id} fileName={fileName} />}
    </details>
  );
}
