import { comparePositions, type Finding, type Fix, type Kind, type Position, type Range, type TextEdit } from './finding';
import { defaultConfig, type ResolvedConfig } from './config';
import type { LintEnv } from './language';
import { lint } from './engine';
import { LineIndex } from './text';

/**
 * Applies edits to a text. Edits are applied from the end; an edit that overlaps one already taken is skipped
 * (returned in `skipped`), so one call never corrupts the text.
 */
export function applyFixes(text: string, edits: TextEdit[]): { text: string; applied: number; skipped: TextEdit[] } {
  const idx = new LineIndex(text);
  const withOffsets = edits
    .map((e) => ({ e, start: idx.offsetAt(e.range.start), end: idx.offsetAt(e.range.end) }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  let applied = 0;
  const skipped: TextEdit[] = [];
  for (const x of withOffsets) {
    if (x.end > lastStart) {
      skipped.push(x.e);
      continue;
    }
    out = out.slice(0, x.start) + x.e.newText + out.slice(x.end);
    lastStart = x.start;
    applied++;
  }
  return { text: out, applied, skipped };
}

const isEmpty = (r: Range) => comparePositions(r.start, r.end) === 0;
const within = (p: Position, r: Range) => comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;

/**
 * Whether two edits touch the same text, so applying both is ambiguous: their ranges share a character, or one is an
 * insertion at a point inside or at either end of the other (two insertions at one point included). Edits that only
 * meet end to start without an insertion there do not conflict (VS Code accepts them).
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (isEmpty(a.range)) return within(a.range.start, b.range);
  if (isEmpty(b.range)) return within(b.range.start, a.range);
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0;
}

const sameEdit = (a: TextEdit, b: TextEdit) =>
  a.newText === b.newText && comparePositions(a.range.start, b.range.start) === 0 && comparePositions(a.range.end, b.range.end) === 0;

export interface FixPlan {
  /** Edits that never overlap, sorted by position: safe to hand to an editor as one change. */
  edits: TextEdit[];
  /** Findings whose fix is fully in `edits`. */
  fixed: Finding[];
  /** Findings whose fix was already fully in `edits` from another finding (the same edits: merged, not repeated). */
  merged: number;
  /** Findings whose fix touches text another fix of this round changes differently: left for the next round. */
  deferred: Finding[];
}

export interface FixSelection {
  /** Only these codes (all when omitted). */
  codes?: string[];
  /** Take a finding's first fix even when it is not safe (default: safe fixes only). */
  unsafe?: boolean;
}

/**
 * Picks the first eligible fix of each finding, in order of position, and keeps its edits as one unit: an edit that
 * equals one already taken is shared (fixes of different findings that agree are merged), a fix with an edit that
 * conflicts with one already taken is deferred whole (a partial fix could leave the text worse than before). The
 * result never holds two overlapping edits.
 */
export function planFixes(findings: Finding[], options: FixSelection = {}): FixPlan {
  const taken: TextEdit[] = [];
  const plan: FixPlan = { edits: taken, fixed: [], merged: 0, deferred: [] };
  const ordered = [...findings].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  for (const f of ordered) {
    if (f.file) continue; // belongs to an included file: its edits are not positions in this text
    if (options.codes && !options.codes.includes(f.code)) continue;
    const fix: Fix | undefined = f.fixes?.find((x) => x.safe || options.unsafe);
    if (!fix || !fix.edits.length) continue;
    const fresh: TextEdit[] = [];
    let conflict = false;
    for (const e of fix.edits) {
      if (taken.some((t) => sameEdit(t, e)) || fresh.some((t) => sameEdit(t, e))) continue;
      if (taken.some((t) => editsConflict(t, e)) || fresh.some((t) => editsConflict(t, e))) {
        conflict = true;
        break;
      }
      fresh.push(e);
    }
    if (conflict) {
      plan.deferred.push(f);
      continue;
    }
    if (!fresh.length) plan.merged++;
    taken.push(...fresh);
    plan.fixed.push(f);
  }
  taken.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  return plan;
}

/** The non-overlapping edits of one fix-all round over these findings (see planFixes). */
export function fixAll(findings: Finding[], options: FixSelection = {}): TextEdit[] {
  return planFixes(findings, options).edits;
}

export interface FixRound {
  /** Edits applied in this round (none overlap). */
  edits: TextEdit[];
  /** Findings fixed in this round. */
  fixed: Finding[];
  merged: number;
  deferred: number;
}

export interface FixTextResult {
  text: string;
  /** Whether the text changed. */
  changed: boolean;
  /** Fixes applied over all rounds (one per finding fixed, merged ones included). */
  applied: number;
  /** Findings whose fixes were merged into another finding's identical edits. */
  merged: number;
  /** Findings still carrying an eligible fix after the last round (0 at a fixed point). */
  remaining: number;
  /** Rounds that changed the text. */
  rounds: FixRound[];
  /** The findings of the final text. */
  findings: Finding[];
}

/**
 * Fix-all over a text: lint, apply every eligible fix at once (no overlaps: see planFixes), lint again and repeat
 * until nothing is left to fix, the text stops changing, or `maxRounds` rounds ran (default 3). The CLI's `--fix` and
 * the editor's source.fixAll both call this.
 */
export function fixText(
  text: string,
  kind: Kind,
  config: ResolvedConfig = defaultConfig(),
  env: LintEnv = {},
  options: FixSelection & { maxRounds?: number } = {},
): FixTextResult {
  const maxRounds = options.maxRounds ?? 3;
  const rounds: FixRound[] = [];
  let current = text;
  let findings = lint(current, kind, config, env);
  let applied = 0;
  let merged = 0;
  for (let i = 0; i < maxRounds; i++) {
    const plan = planFixes(findings, options);
    if (!plan.edits.length) break;
    const next = applyFixes(current, plan.edits).text;
    if (next === current) break;
    rounds.push({ edits: plan.edits, fixed: plan.fixed, merged: plan.merged, deferred: plan.deferred.length });
    applied += plan.fixed.length;
    merged += plan.merged;
    current = next;
    findings = lint(current, kind, config, env);
  }
  const remaining = planFixes(findings, options);
  return {
    text: current,
    changed: current !== text,
    applied,
    merged,
    remaining: remaining.fixed.length + remaining.deferred.length,
    rounds,
    findings,
  };
}

/**
 * One edit that turns `before` into `after`: the changed middle, after trimming the common prefix and suffix. For an
 * editor that applies a multi-round fix-all as a single change (none when the texts are equal).
 */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let s = 0;
  const max = Math.min(before.length, after.length);
  while (s < max && before.charCodeAt(s) === after.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && before.charCodeAt(before.length - 1 - e) === after.charCodeAt(after.length - 1 - e)) e++;
  // Never split a \r\n pair or a surrogate pair.
  while (s > 0 && (isLowSurrogate(before.charCodeAt(s)) || (before.charCodeAt(s - 1) === 13 && before.charCodeAt(s) === 10))) s--;
  while (e > 0 && (isLowSurrogate(before.charCodeAt(before.length - e)) || (before.charCodeAt(before.length - e - 1) === 13 && before.charCodeAt(before.length - e) === 10))) e--;
  const idx = new LineIndex(before);
  return { range: idx.rangeOf(s, before.length - e), newText: after.slice(s, after.length - e) };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
