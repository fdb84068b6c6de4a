import { comparePositions, type Finding, type Fix, type TextEdit } from './finding';
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

/** The first fix of each finding (safe ones only unless `unsafe`), for the given codes (all when omitted). */
export function fixAll(findings: Finding[], options: { codes?: string[]; unsafe?: boolean } = {}): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (options.codes && !options.codes.includes(f.code)) continue;
    const fix: Fix | undefined = f.fixes?.find((x) => x.safe || options.unsafe);
    if (fix) edits.push(...fix.edits);
  }
  return edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
