import type { TaskLink } from "./prepare-commit-result";
import { toResultsLabel } from "./prepare-upload-record";

/** What the confirmation step and the notice after a deletion need of the upload. */
export type DeletionSubject = { id: number; fileName: string; results: number; tasks: readonly string[] };

export type DeleteConfirmationModel = { question: string; consequence: string; confirmLabel: string };

export type DeletedUploadModel = { title: string; facts: string[]; linksLabel: string; links: TaskLink[] };

const taskHref = (task: string) => `/tasks/${encodeURIComponent(task)}`;

function onTasks(tasks: readonly string[], max = 5): string {
  if (tasks.length === 0) return "";
  const named = tasks.slice(0, max).join(", ");
  const more = tasks.length > max ? ` and ${tasks.length - max} more` : "";
  return tasks.length === 1 ? ` on task ${named}` : ` on ${tasks.length} tasks (${named}${more})`;
}

/** The question asked before a deletion: which file, and how many stored results go with it. */
export function prepareDeleteConfirmation(subject: DeletionSubject): DeleteConfirmationModel {
  const results = toResultsLabel(subject.results);
  return {
    question: `Delete upload ${subject.id}, ${subject.fileName}?`,
    consequence:
      subject.results === 0
        ? "No stored result comes from this upload any more; only its record goes."
        : `This removes the ${results} whose stored value came from this file${onTasks(subject.tasks)}; where it had replaced a value an earlier upload stored, that value comes back. Models and tasks stay.`,
    confirmLabel: `Delete ${subject.fileName} and ${results}`,
  };
}

/** What a finished deletion removed, with the task pages whose curves changed. */
export function prepareDeletedUpload(
  subject: DeletionSubject,
  deleted: { results: number; restored: number; analysisQueued: number },
  maxLinks = 40,
): DeletedUploadModel {
  const facts = [`${toResultsLabel(deleted.results)} removed`];
  if (deleted.restored > 0) facts.push(`${toResultsLabel(deleted.restored)} brought back from earlier uploads`);
  if (deleted.analysisQueued > 0) {
    facts.push(`${deleted.analysisQueued} task view${deleted.analysisQueued === 1 ? "" : "s"} being re-analysed in the background`);
  }
  const tasks = deleted.results > 0 ? subject.tasks : [];
  return {
    title: `Deleted upload ${subject.id}, ${subject.fileName}`,
    facts,
    linksLabel: "Task pages this deletion changed",
    links: tasks.slice(0, maxLinks).map((task) => ({ task, href: taskHref(task) })),
  };
}
