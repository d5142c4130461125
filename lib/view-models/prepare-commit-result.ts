import type { CreateUploadResponse, FilePreview } from "@/lib/schemas/uploads";

export type TaskLink = { task: string; href: string };

export type CommitResultModel = {
  title: string;
  alreadyUploaded: boolean;
  counts: Array<{ label: string; value: number }>;
  unknownScaleModels: string[];
  linksLabel: string;
  links: TaskLink[];
  /** tasks beyond the links shown */
  moreTasks: number;
  /** the verdicts being recomputed after the response, or null when nothing changed */
  analysisNote: string | null;
};

/**
 * What the page says after a commit: the summary, and links to the task pages
 * the commit changed (from the committed files' previews: files that would
 * insert or update something). When nothing changed (all already uploaded),
 * the links go to the tasks those files hold, said as such.
 */
export function prepareCommitResult(
  response: CreateUploadResponse,
  committed: readonly FilePreview[],
  maxLinks = 40,
): CommitResultModel {
  const { summary } = response;
  const queued = "analysisQueued" in response ? response.analysisQueued : 0;
  const alreadyUploaded = "alreadyUploaded" in response && response.alreadyUploaded;
  const changing = committed.filter((f) => f.ok && !f.alreadyUploaded && f.inserted + f.updated > 0);
  const source = changing.length > 0 && !alreadyUploaded ? changing : committed;
  const tasks = [...new Set(source.flatMap((f) => f.tasks))].sort((a, b) => a.localeCompare(b));
  return {
    title: alreadyUploaded ? "Already uploaded: nothing changed" : "Upload stored",
    alreadyUploaded,
    counts: [
      { label: "files", value: summary.files },
      { label: "inserted", value: summary.inserted },
      { label: "updated", value: summary.updated },
      { label: "skipped (unchanged)", value: summary.skipped },
    ],
    unknownScaleModels: summary.unknownScaleModels,
    linksLabel: source === changing && !alreadyUploaded ? "Task pages this upload changed" : "Task pages of these files",
    links: tasks.slice(0, maxLinks).map((task) => ({ task, href: `/tasks/${encodeURIComponent(task)}` })),
    moreTasks: Math.max(0, tasks.length - maxLinks),
    analysisNote:
      queued === 0
        ? null
        : `Verdicts of ${queued} task ${queued === 1 ? "view are" : "views are"} being recomputed in the background; their pages show it until they are stored.`,
  };
}
