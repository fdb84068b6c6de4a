/**
 * The engine's last step before findings leave it: every range must be one an editor can use. A range is valid
 * when both ends lie inside the document (a line that exists, a column no further than that line's text), the
 * start is not after the end, and neither end falls between a CR and its LF or inside a UTF-16 surrogate pair.
 *
 * Sources are expected to produce valid ranges; this check is the net under them. An invalid range of a finding
 * or of its related information is repaired (clamped, then moved off the pair or the line break); a fix with an
 * invalid edit range is dropped, since moving an edit would change what it does. Each repair is counted in
 * `rangeStats`, which the fuzz test requires to stay at zero (so a source bug is found, not hidden).
 */
import type { Finding, Fix, Position, Range } from './finding';
import type { LineIndex } from './text';

/** Repairs made since the process started (or the last reset), by rule code. */
export const rangeStats = { repairs: 0, droppedFixes: 0, byCode: new Map<string, number>() };

export function resetRangeStats(): void {
  rangeStats.repairs = 0;
  rangeStats.droppedFixes = 0;
  rangeStats.byCode.clear();
}

function lineEnd(lines: LineIndex, line: number): number {
  // end of the line's text, before its line break
  const text = lines.text;
  const s = lines.starts[line];
  let e = line + 1 < lines.starts.length ? lines.starts[line + 1] : text.length;
  if (e > s && text.charCodeAt(e - 1) === 10) e--;
  if (e > s && text.charCodeAt(e - 1) === 13) e--;
  return e - s;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Why a position is not a valid place in the document, or undefined. */
export function positionProblem(lines: LineIndex, p: Position): string | undefined {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return 'not integer';
  if (p.line < 0 || p.character < 0) return 'negative';
  if (p.line >= lines.lineCount) return `line ${p.line} beyond the last line ${lines.lineCount - 1}`;
  const len = lineEnd(lines, p.line);
  if (p.character > len) {
    const off = lines.starts[p.line] + len;
    return lines.text.charCodeAt(off) === 13 && p.character === len + 1 && lines.text.charCodeAt(off + 1) === 10
      ? 'between CR and LF'
      : `column ${p.character} beyond the line's length ${len}`;
  }
  const off = lines.starts[p.line] + p.character;
  if (p.character > 0 && isHigh(lines.text.charCodeAt(off - 1)) && isLow(lines.text.charCodeAt(off))) return 'inside a surrogate pair';
  return undefined;
}

/** Why a range is not valid in the document, or undefined. */
export function rangeProblem(lines: LineIndex, r: Range): string | undefined {
  if (!r || !r.start || !r.end) return 'missing';
  const a = positionProblem(lines, r.start);
  if (a) return `start: ${a}`;
  const b = positionProblem(lines, r.end);
  if (b) return `end: ${b}`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'start after end';
  return undefined;
}

function repairPosition(lines: LineIndex, p: Position | undefined): Position {
  if (!p) return { line: 0, character: 0 };
  let line = Number.isFinite(p.line) ? Math.trunc(p.line) : 0;
  let character = Number.isFinite(p.character) ? Math.trunc(p.character) : 0;
  if (line < 0) (line = 0), (character = 0);
  if (line >= lines.lineCount) {
    line = lines.lineCount - 1;
    character = Number.MAX_SAFE_INTEGER;
  }
  character = Math.max(0, Math.min(character, lineEnd(lines, line)));
  const off = lines.starts[line] + character;
  if (character > 0 && isHigh(lines.text.charCodeAt(off - 1)) && isLow(lines.text.charCodeAt(off))) character--;
  return { line, character };
}

export function repairRange(lines: LineIndex, r: Range | undefined): Range {
  const start = repairPosition(lines, r?.start);
  const end = repairPosition(lines, r?.end);
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start, end: { ...start } };
  return { start, end };
}

function countRepair(code: string): void {
  rangeStats.repairs++;
  rangeStats.byCode.set(code, (rangeStats.byCode.get(code) ?? 0) + 1);
}

function editsValid(lines: LineIndex, fix: Fix): boolean {
  for (const e of fix.edits) if (rangeProblem(lines, e.range)) return false;
  return true;
}

/**
 * Checks and repairs the ranges of findings about the linted text (findings about another file are left alone).
 * Runs on every finding of every lint: nothing is allocated unless a range needs a repair.
 */
export function checkRanges(lines: LineIndex, findings: Finding[]): Finding[] {
  for (const f of findings) {
    if (f.file) continue;
    if (rangeProblem(lines, f.range)) {
      f.range = repairRange(lines, f.range);
      countRepair(f.code);
    }
    const related = f.related;
    if (related) {
      for (const r of related) {
        if (r.file || !rangeProblem(lines, r.range)) continue;
        r.range = repairRange(lines, r.range);
        countRepair(f.code);
      }
    }
    const fixes = f.fixes;
    if (fixes) {
      let valid = 0;
      for (const x of fixes) if (editsValid(lines, x)) valid++;
      if (valid !== fixes.length) {
        const kept = fixes.filter((x) => editsValid(lines, x));
        rangeStats.droppedFixes += fixes.length - kept.length;
        rangeStats.byCode.set(f.code, (rangeStats.byCode.get(f.code) ?? 0) + 1);
        if (kept.length) f.fixes = kept;
        else delete f.fixes;
      }
    }
  }
  return findings;
}
