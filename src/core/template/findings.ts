/**
 * What the engine does with the findings of a template (kind-neutral): a finding never lands on a template
 * expression (its value is unknown) nor starts or ends inside any tag; no fix edits a tag (a fix on literal text keeps
 * every tag byte for byte); a finding that relates two places no rendering holds together (an option set in both
 * branches of an if/else) describes no real file and is dropped.
 */
import type { Finding, Range } from '../finding';
import type { LineIndex } from '../text';
import { exclusive, firstTagAfter, touchesTag, type TemplateReading } from './read';

function offsets(lines: LineIndex, r: Range): [number, number] {
  return [lines.offsetAt(r.start), lines.offsetAt(r.end)];
}

/** True when the range touches an expression or placeholder, or starts or ends inside any tag. */
export function onTemplateCode(t: TemplateReading, s: number, e: number): boolean {
  for (let i = firstTagAfter(t, s); i < t.tags.length; i++) {
    const tag = t.tags[i];
    if (tag.start >= e && !(s === e && tag.start === s)) break;
    const inside = (o: number) => o > tag.start && o < tag.end;
    if (inside(s) || inside(e)) return true;
    if ((tag.type === 'expression' || tag.type === 'placeholder') && s < tag.end && e > tag.start) return true;
  }
  return false;
}

/**
 * Lines the template does not render as they are written: lines that hold only tags (they render as nothing, or as
 * lines we cannot see), and lines that whitespace control joins to the line before (`RUN {% if x -%}` then
 * `    apt-get ...`, or a line that starts with `{%-`), which the kind read as lines of their own.
 */
export function unfaithfulLines(t: TemplateReading, lines: LineIndex): Set<number> {
  const out = new Set<number>();
  const text = lines.text;
  const byLine = new Map<number, typeof t.tags>();
  for (const tag of t.tags) {
    const l = lines.positionAt(tag.start).line;
    let list = byLine.get(l);
    if (!list) byLine.set(l, (list = []));
    list.push(tag);
  }
  /** Whether [a, b) holds something other than blanks and tags. */
  const content = (a: number, b: number) => {
    let k = a;
    for (let i = firstTagAfter(t, a); i < t.tags.length; i++) {
      const tag = t.tags[i];
      if (tag.start >= b) break;
      if (/\S/.test(text.slice(k, Math.max(k, tag.start)))) return true;
      k = Math.max(k, tag.end);
    }
    return /\S/.test(text.slice(k, Math.max(k, b)));
  };
  let prevLive = false; // the line before has content, or continues one that has
  let prevTrims = false; // the line before ends with a trimming close (`-%}`, `-}}`, `-%>`)
  let lastNonBlank = 0;
  for (let l = 0; l < lines.lineCount; l++) {
    const tags = byLine.get(l);
    const ls = lines.offsetAt({ line: l, character: 0 });
    const le = ls + lines.line(l).length;
    if (!tags) {
      const blank = !/\S/.test(lines.line(l));
      if (prevTrims && prevLive && !blank) {
        out.add(lastNonBlank);
        out.add(l);
      }
      // `{%-` strips every blank line before it: a blank line keeps what the line before it was
      if (!blank) {
        prevLive = true;
        prevTrims = false;
        lastNonBlank = l;
      }
      continue;
    }
    const live = content(ls, le);
    if (!live) out.add(l);
    const first = tags[0];
    const opensTrim = /^\{[%{]-/.test(text.slice(first.start, first.end)) && !/\S/.test(text.slice(ls, first.start));
    const joined: boolean = (prevTrims || opensTrim) && prevLive;
    const last = tags[tags.length - 1];
    const rest = text.slice(last.end, le);
    const trimsAfter = /-(%\}|\}\}|%>)$/.test(text.slice(last.start, last.end)) && !/\S/.test(rest);
    if (joined && !live && tags.every((x) => x.type === 'statement' || x.type === 'comment')) {
      // a line of statements only (`{{- if x }}`, `{%- endif %}`) joins nothing to the line before: that line goes on
      // (it ends where this line ends, or joins the next one when this line's last tag trims after it)
      prevTrims = trimsAfter;
      continue;
    }
    if (joined) {
      for (let k = l - 1; k >= 0 && !/\S/.test(lines.line(k)); k--) out.add(k);
      out.add(lastNonBlank);
      out.add(l);
    }
    prevTrims = trimsAfter;
    prevLive = live || joined;
    lastNonBlank = l;
    // an expression that ends a line inside an open double quote renders lines of its own into the string
    if ((last.type === 'expression' || last.type === 'placeholder') && !/\S/.test(rest)) {
      const before = t.text.slice(ls, last.start);
      if ((before.match(/"/g)?.length ?? 0) % 2 === 1) {
        out.add(l);
        if (l + 1 < lines.lineCount) out.add(l + 1);
      }
    }
  }
  return out;
}

export function filterTemplateFindings(t: TemplateReading, lines: LineIndex, findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  let unfaithful: Set<number> | undefined;
  for (let f of findings) {
    if (f.file) {
      out.push(f);
      continue;
    }
    const [s, e] = offsets(lines, f.range);
    if (onTemplateCode(t, s, e)) continue;
    if ((unfaithful ??= unfaithfulLines(t, lines)).has(f.range.start.line)) continue;
    if (f.related?.some((r) => !r.file && exclusive(t, s, lines.offsetAt(r.range.start)))) continue;
    if (/\$\{(_+\}|_*…)/.test(f.message)) f = { ...f, message: unmask(t, lines.text, f.message, s) };
    if (f.fixes?.length) {
      // no fix edits a tag; a fix on a line that holds an expression was judged on a masked value, while the
      // rendered text may hold anything (blanks, quotes, several words): it is never safe
      const fixes = f.fixes
        .filter((fix) => fix.edits.every((ed) => !ed.range || !touchesTag(t, ...offsets(lines, ed.range))))
        .map((fix) => {
          const title = /\$\{(_+\}|_*…)/.test(fix.title) ? unmask(t, lines.text, fix.title, s) : fix.title;
          const risky = fix.safe && fix.edits.some((ed) => expressionOnLines(t, lines, ed.range.start.line, ed.range.end.line));
          return title === fix.title && !risky ? fix : { ...fix, title, safe: fix.safe && !risky };
        });
      const g: Finding = { ...f };
      if (fixes.length) g.fixes = fixes;
      else delete g.fixes;
      out.push(g);
      continue;
    }
    out.push(f);
  }
  return out;
}

/** A message that quotes masked text (`ENV V ${_____}`) quotes the template's tag instead: the nearest tag of that length. */
function unmask(t: TemplateReading, text: string, message: string, near: number): string {
  // a quote cut short inside a mask (`ENV PATH /ruby/${…`): the first expression tag from the finding on, cut as short
  let from = firstTagAfter(t, near);
  const cut = message.replace(/\$\{_*…/g, (m) => {
    while (from < t.tags.length && t.tags[from].type !== 'expression' && t.tags[from].type !== 'placeholder') from++;
    const tag = t.tags[from++];
    if (!tag) return m;
    const s = text.slice(tag.start, tag.end);
    const keep = Math.max(m.length - 1, 12);
    return s.length > keep ? `${s.slice(0, keep)}…` : `${s}…`;
  });
  return cut.replace(/\$\{_+\}/g, (m) => {
    let best: { start: number; end: number } | undefined;
    for (const tag of t.tags) {
      if (tag.end - tag.start !== m.length || tag.type === 'statement' || tag.type === 'comment') continue;
      if (!best || Math.abs(tag.start - near) < Math.abs(best.start - near)) best = tag;
    }
    return best ? text.slice(best.start, best.end) : m;
  });
}

/** Whether lines [a, b] hold an expression or placeholder tag. */
function expressionOnLines(t: TemplateReading, lines: LineIndex, a: number, b: number): boolean {
  const s = lines.offsetAt({ line: a, character: 0 });
  const e = b + 1 < lines.lineCount ? lines.offsetAt({ line: b + 1, character: 0 }) : lines.text.length;
  for (let i = firstTagAfter(t, s); i < t.tags.length && t.tags[i].start < e; i++) if (t.tags[i].type === 'expression' || t.tags[i].type === 'placeholder') return true;
  return false;
}
