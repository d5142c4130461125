import { chiSquareUpperTail } from "../chi-square";
import { holmAdjust } from "../holm";
import { fitForecastForm, type FittedForm } from "../forecast/fit-forecast-form";
import { toPointUncertainty } from "../point-uncertainty";
import { median } from "../quantile";
import type { CurveInput } from "../types";
import { VERDICT_RULES } from "../verdict-rules";

/** The family name the pooled curve is stored and shown under. */
export const POOLED_FAMILY = "(pooled)";

/** How far (decades) a family's curve may sit from the reference family's. */
export const SHIFT_RANGE = 3;
const SHIFT_STEP = 0.01;
const ROUNDS = 20;
const LINEAR_ROUNDS = 4;
/** At most this share of the families is left out as departing: past it, pooling itself is in question. */
const MAX_LEFT_OUT = 1 / 3;
/** Δχ² of a 95 % profile interval for one parameter. */
const PROFILE_95 = 3.841;

export type PooledFamily = {
  family: string;
  sizes: number;
  /** decades added to this family's log-scale to put it on the reference family's; null when not placed */
  shift: number | null;
  /** 95 % profile interval of the shift */
  interval: [number, number] | null;
  /** Holm-adjusted p-value of its points' χ² around the pooled curve (n − 1 degrees of freedom); null with one point */
  pDeparture: number | null;
  departs: boolean;
  /** why a family is not placed on the pooled curve */
  note: string | null;
};

export type PooledView = { input: CurveInput; reference: string; families: PooledFamily[] };

type Family = { family: string; t: number[]; u: number[]; w: number[]; models: string[]; x: number[]; value: number[]; stderr: number[] };

function toFamily(c: CurveInput, dir: 1 | -1): Family {
  const f: Family = { family: c.family, t: [], u: [], w: [], models: [], x: [], value: [], stderr: [] };
  for (const p of c.points) {
    const { se } = toPointUncertainty(p, c.metric);
    if (se === null || !(p.x > 0) || !Number.isFinite(p.value)) continue;
    f.t.push(Math.log10(p.x));
    f.u.push(dir * p.value);
    f.w.push(1 / (se * se));
    f.models.push(p.model);
    f.x.push(p.x);
    f.value.push(p.value);
    f.stderr.push(se);
  }
  return f;
}

const chi2At = (f: Family, g: FittedForm, shift: number) => f.t.reduce((sum, t, i) => sum + f.w[i] * (f.u[i] - g.at(t + shift)) ** 2, 0);

/** The shift with the least χ² on a grid over ±SHIFT_RANGE, and its profile curve. */
function bestShift(f: Family, g: FittedForm): { shift: number; profile: { shift: number; chi2: number }[] } {
  const profile: { shift: number; chi2: number }[] = [];
  for (let s = -SHIFT_RANGE; s <= SHIFT_RANGE + 1e-9; s += SHIFT_STEP) profile.push({ shift: s, chi2: chi2At(f, g, s) });
  const best = profile.reduce((a, b) => (b.chi2 < a.chi2 ? b : a));
  return { shift: best.shift, profile };
}

function fitPooled(families: Family[], shifts: Map<string, number>, chance: number | null, hi: number | null, form: "linear" | "logistic"): FittedForm | null {
  const points = families.flatMap((f) => f.t.map((t, i) => ({ t: t + (shifts.get(f.family) ?? 0), u: f.u[i], w: f.w[i] }))).sort((a, b) => a.t - b.t);
  return fitForecastForm(form, {
    t: Float64Array.from(points, (p) => p.t), u: Float64Array.from(points, (p) => p.u), w: Float64Array.from(points, (p) => p.w), chance, hi,
  });
}

/**
 * Real families do not follow one curve to within their sampling errors: a between-family
 * scatter τ (τ² the median excess of squared residuals over squared errors, as the analysis adds between-model scatter)
 * is added to every point's variance, so that precise points do not force the alignment.
 */
function reweigh(families: Family[], g: FittedForm, shifts: Map<string, number>): void {
  const excess = families.flatMap((f) => f.t.map((t, i) => (f.u[i] - g.at(t + (shifts.get(f.family) ?? 0))) ** 2 - f.stderr[i] ** 2));
  // the median, not the mean: one family off the curve must not widen everyone's errors enough to hide it
  const tau2 = Math.max(0, median(excess));
  for (const f of families) f.w = f.stderr.map((se) => 1 / (se * se + tau2));
}

/**
 * Pools the families of one task view on one curve, in the manner of Ruan et al. (2024)'s
 * observational scaling: every family follows the same curve (the analysis' logistic in
 * log-scale, floor at chance) shifted along the scale axis by its own offset (its compute
 * efficiency), the family with the most sizes fixed at offset 0. Shifts and curve are fitted
 * by alternating a grid search of each family's shift with a refit of the curve. A family
 * whose shift is not bounded within ±SHIFT_RANGE decades at 95 % (all its points on the floor,
 * say) is not placed; a family whose points scatter around the pooled curve more than their
 * errors allow (χ² test, Holm-adjusted over the families, α of the verdict rules) departs
 * from it: the worst is left out and the rest realigned, until none departs (the reference
 * family is never left out, only flagged). The pooled
 * curve is returned as one CurveInput (family POOLED_FAMILY, x in the reference family's
 * units) for the analysis to judge like any other. Null with fewer than two families that
 * have points with errors.
 */
export function poolFamilies(curves: CurveInput[]): PooledView | null {
  if (curves.length === 0) return null;
  const first = curves[0];
  const dir: 1 | -1 = first.metric.higherIsBetter === false ? -1 : 1;
  const chance = first.chance === null ? null : dir * first.chance;
  const bound = dir === 1 ? first.metric.upperBound : first.metric.lowerBound === null ? null : -first.metric.lowerBound;
  const all = curves.map((c) => toFamily(c, dir)).filter((f) => f.t.length > 0);
  if (all.length < 2) return null;
  const sizes = (f: Family) => new Set(f.t).size;
  const reference = [...all].sort((a, b) => sizes(b) - sizes(a) || a.family.localeCompare(b.family))[0].family;

  // every shift is fitted, the reference's too (the model is the same under a common translation,
  // and letting all move converges where holding one fixed stalls), then all are re-centred on it
  const align = (families: Family[]) => {
    // the first rounds align on a line, whose gentle slope moves every family towards its place;
    // a steep logistic from the start can pin a family on the wrong side of its step
    const shifts = new Map(families.map((f) => [f.family, 0]));
    const formOf = (round: number) => (round < LINEAR_ROUNDS ? "linear" : "logistic");
    let g = fitPooled(families, shifts, chance, bound, formOf(0));
    for (let round = 0; round < ROUNDS && g; round++) {
      for (const f of families) shifts.set(f.family, bestShift(f, g).shift);
      const centre = shifts.get(reference) ?? 0;
      for (const [family, shift] of shifts) shifts.set(family, shift - centre);
      reweigh(families, g, shifts);
      g = fitPooled(families, shifts, chance, bound, formOf(round + 1));
    }
    return { shifts, g };
  };
  const first0 = align(all);
  if (first0.g === null) return null;
  const profileInterval = (f: Family, fit: FittedForm): [number, number] => {
    const { profile } = bestShift(f, fit);
    const min = Math.min(...profile.map((p) => p.chi2));
    const inside = profile.filter((p) => p.chi2 - min <= PROFILE_95).map((p) => p.shift);
    return [Math.min(...inside), Math.max(...inside)];
  };
  // the shown interval with the errors the fit used (scatter included); whether a family can be
  // placed at all, with its own errors only
  const bounded = (f: Family, fit: FittedForm) => {
    if (f.family === reference) return { interval: [0, 0] as [number, number], ok: true };
    const own = profileInterval({ ...f, w: f.stderr.map((se) => 1 / (se * se)) }, fit);
    return { interval: profileInterval(f, fit), ok: own[0] > -SHIFT_RANGE + SHIFT_STEP / 2 && own[1] < SHIFT_RANGE - SHIFT_STEP / 2 };
  };
  // one χ² test per placed family, Holm-adjusted so that a view of many families does not flag one by chance
  const departures = (families: Family[], fit: FittedForm, shifts: Map<string, number>) => {
    const raw = families.map((f) => {
      const dof = f.t.length - (f.family === reference ? 0 : 1);
      return dof > 0 ? chiSquareUpperTail(chi2At(f, fit, shifts.get(f.family) ?? 0), dof) : null;
    });
    const holm = holmAdjust(raw.filter((p): p is number => p !== null));
    let k = 0;
    return new Map(families.map((f, i) => [f.family, raw[i] === null ? null : holm[k++]]));
  };
  // the families that depart most are left out one at a time, and the rest realigned without them
  let placed = all.filter((f) => bounded(f, first0.g as FittedForm).ok);
  const departed = new Map<string, number>();
  let fitted: { shifts: Map<string, number>; g: FittedForm; p: Map<string, number | null> } | null = null;
  for (;;) {
    if (placed.length < 2) return null;
    const { shifts, g } = align(placed);
    if (g === null) return null;
    const p = departures(placed, g, shifts);
    fitted = { shifts, g, p };
    const worst = placed
      .filter((f) => f.family !== reference)
      .map((f) => ({ family: f.family, p: p.get(f.family) ?? 1 }))
      .sort((a, b) => a.p - b.p)[0];
    if (!worst || worst.p >= VERDICT_RULES.alpha || placed.length <= 2 || departed.size >= MAX_LEFT_OUT * all.length) break;
    departed.set(worst.family, worst.p);
    placed = placed.filter((f) => f.family !== worst.family);
  }
  const { shifts, g: fit, p: pFinal } = fitted;

  const families: PooledFamily[] = all.map((f) => {
    if (departed.has(f.family)) {
      const best = bestShift(f, fit).shift;
      return { family: f.family, sizes: sizes(f), shift: best, interval: bounded(f, fit).interval, pDeparture: departed.get(f.family) ?? null, departs: true, note: "departs from the pooled curve: left out of its fit" };
    }
    if (!placed.includes(f)) {
      return { family: f.family, sizes: sizes(f), shift: null, interval: null, pDeparture: null, departs: false, note: `its points do not bound its offset within ±${SHIFT_RANGE} decades (e.g. all at the floor)` };
    }
    const pDeparture = pFinal.get(f.family) ?? null;
    return { family: f.family, sizes: sizes(f), shift: shifts.get(f.family) ?? 0, interval: bounded(f, fit).interval, pDeparture, departs: pDeparture !== null && pDeparture < VERDICT_RULES.alpha, note: null };
  });
  const groupId = first.groupId;
  return {
    reference,
    families,
    input: {
      id: `${groupId}|${POOLED_FAMILY}`,
      groupId,
      family: POOLED_FAMILY,
      chance: first.chance,
      metric: first.metric,
      points: placed.flatMap((f) =>
        f.x.map((x, i) => ({ model: `${f.family}: ${f.models[i]}`, x: x * 10 ** (shifts.get(f.family) ?? 0), value: f.value[i], stderr: f.stderr[i], n: null })),
      ),
    },
  };
}
