import type { TaskSummary } from "@/lib/schemas/tasks";

/** Case-insensitive match of every word of the search against name and suite. */
export function filterTasks(tasks: TaskSummary[], search: string): TaskSummary[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tasks;
  return tasks.filter((t) => {
    const haystack = `${t.name} ${t.suite ?? ""}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
