/**
 * What the engine does with the findings of a template (kind-neutral): a finding never lands on a template
 * expression (its value is unknown) nor starts or ends inside any tag; no fix edits a tag (a fix on literal text keeps
 * every tag byte for byte); a finding that relates two places no rendering holds together (an option set in both
 * branches of an if/else) describes no real file and is dropped.
 */
import type { Finding, Range } from '../finding';
import type { LineIndex } from '../text';
import { exclusive, touchesTag, type TemplateReading } from './read';

function offsets(lines: LineIndex, r: Range): [number, number] {
  return [lines.offsetAt(r.start), lines.offsetAt(r.end)];
}

/** True when the range touches an expression or placeholder, or starts or ends inside any tag. */
export function onTemplateCode(t: TemplateReading, s: number, e: number): boolean {
  for (const tag of t.tags) {
    if (tag.start >= e && !(s === e && tag.start === s)) break;
    const inside = (o: number) => o > tag.start && o < tag.end;
    if (inside(s) || inside(e)) return true;
    if ((tag.type === 'expression' || tag.type === 'placeholder') && s < tag.end && e > tag.start) return true;
  }
  return false;
}

export function filterTemplateFindings(t: TemplateReading, lines: LineIndex, findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.file) {
      out.push(f);
      continue;
    }
    const [s, e] = offsets(lines, f.range);
    if (onTemplateCode(t, s, e)) continue;
    if (f.related?.some((r) => !r.file && exclusive(t, s, lines.offsetAt(r.range.start)))) continue;
    if (f.fixes?.length) {
      const fixes = f.fixes.filter((fix) => fix.edits.every((ed) => !ed.range || !touchesTag(t, ...offsets(lines, ed.range))));
      if (fixes.length !== f.fixes.length) {
        const g: Finding = { ...f };
        if (fixes.length) g.fixes = fixes;
        else delete g.fixes;
        out.push(g);
        continue;
      }
    }
    out.push(f);
  }
  return out;
}
