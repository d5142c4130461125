import { IngestError } from "./ingest-error";
import { type JsonObject } from "./parse-json-lenient";
import { readShots } from "./parse-lm-eval-v03";

/**
 * Real lm-eval groups nest a few levels (leaderboard → leaderboard_bbh → its
 * subtasks; mmlu → mmlu_stem → mmlu_anatomy); 16 leaves room for any suite
 * while refusing a chain built to be deep.
 */
export const GROUP_LIMITS = { maxDepth: 16 };

const shortName = (name: string) => (name.length > 80 ? `${name.slice(0, 79)}…` : name);
const chain = (names: string[]) => names.map(shortName).join(" → ");

function subtasksOf(groups: JsonObject, name: string): unknown[] {
  const subtasks = Object.hasOwn(groups, name) ? groups[name] : undefined;
  return Array.isArray(subtasks) ? subtasks : [];
}

/**
 * Checks `group_subtasks` once, depth first with a visited set, so the work is
 * linear in its size however groups share subtasks: a group that contains itself
 * (directly or through others) or groups nested deeper than GROUP_LIMITS.maxDepth
 * are refused, naming the entry (`group_subtasks.<group>.<index>`) that closes the
 * cycle or goes one level too deep.
 */
function checkGroups(fileName: string, groups: JsonObject): void {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (group: string) => {
    path.push(group);
    onPath.add(group);
    subtasksOf(groups, group).forEach((sub, index) => {
      if (typeof sub !== "string" || done.has(sub) || subtasksOf(groups, sub).length === 0) return;
      const key = `group_subtasks.${group}.${index}`;
      if (onPath.has(sub)) {
        throw new IngestError(fileName, `group "${shortName(sub)}" contains itself: ${chain([...path.slice(path.indexOf(sub)), sub])}`, { key });
      }
      if (path.length >= GROUP_LIMITS.maxDepth) {
        throw new IngestError(fileName, `groups nest deeper than ${GROUP_LIMITS.maxDepth} levels: ${chain([...path, sub])}`, { key });
      }
      visit(sub);
    });
    onPath.delete(group);
    path.pop();
    done.add(group);
  };
  for (const group of Object.keys(groups)) if (!done.has(group)) visit(group);
}

/**
 * A task's shots from `n-shot`; a group without an entry takes its subtasks'
 * shots when they all agree (else null). Each name is resolved once.
 */
export function toShotsLookup(fileName: string, nShot: JsonObject, groups: JsonObject): (task: string) => number | null {
  checkGroups(fileName, groups);
  const memo = new Map<string, number | null>();
  const shotsOf = (task: string): number | null => {
    const known = memo.get(task);
    if (known !== undefined) return known;
    let shots: number | null = null;
    if (Object.hasOwn(nShot, task)) {
      shots = readShots(fileName, nShot[task], `n-shot.${task}`);
    } else {
      const subtasks = subtasksOf(groups, task);
      const found = new Set(subtasks.map((sub) => (typeof sub === "string" ? shotsOf(sub) : null)));
      shots = found.size === 1 ? [...found][0] : null;
    }
    memo.set(task, shots);
    return shots;
  };
  return shotsOf;
}
