import { describe, expect, it } from "vitest";
import { planFamilies, type KeyMember } from "./plan-families";
import { toFamilyKey } from "./family-key";

let nextId = 1;
const member = (name: string, family: string | null = null, origin: string | null = null): KeyMember & { name: string } => ({
  id: nextId++, name, key: toFamilyKey(name)!, family, origin,
});

describe("planFamilies", () => {
  it("makes a base ladder a family and leaves fine-tunes and re-uploads alone", () => {
    const ladder = ["0.5B", "1.5B", "7B"].map((s) => member(`Qwen/Qwen2.5-${s}`));
    const tune = member("someone/Qwen2.5-7B");
    const instruct = member("Qwen/Qwen2.5-7B-Instruct");
    const changes = planFamilies([...ladder, tune, instruct]);
    expect(changes).toEqual(ladder.map((m) => ({ id: m.id, family: "Qwen/Qwen2.5-*" })));
  });

  it("joins a ladder to the family the registry or a user gave one of its models", () => {
    const known = member("EleutherAI/pythia-70m", "Pythia");
    const unknown = member("EleutherAI/pythia-12b");
    expect(planFamilies([known, unknown])).toEqual([{ id: unknown.id, family: "Pythia" }]);
  });

  it("never moves a family a user set, and undoes an inference that no longer holds", () => {
    const edited = member("org/run-1b", "Mine", "edit");
    const none = member("org/run-3b", null, "edit");
    const alone = member("org/other-1b", "org/other-*", "inferred");
    expect(planFamilies([edited, none, alone])).toEqual([{ id: alone.id, family: null }]);
    const stays = [member("lab/x-1b", "lab/x-*", "inferred"), member("lab/x-2b", "lab/x-*", "inferred")];
    expect(planFamilies(stays)).toEqual([]);
  });

  it("infers nothing where two named families disagree", () => {
    const a = member("lab/m-1b", "A");
    const b = member("lab/m-2b", "B");
    expect(planFamilies([a, b, member("lab/m-3b")])).toEqual([]);
  });
});
