/** Where an edit lands: inside a comment or a template tag of the text it applies to (a fix must never). */
import type { Kind, LineIndex, TextEdit } from '../../src/core/index';

/**
 * Column where a comment starts on this line, or -1: a full-line comment (`#`, and `;` in option files), or a `#`
 * after a blank outside quotes (option files, shell in RUN lines, Ruby).
 */
export function commentStart(line: string, kind: Kind): number {
  const m = /^\s*([#;])/.exec(line);
  if (m && (m[1] === '#' || kind === 'mycnf')) return line.indexOf(m[1]);
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && i > 0 && /\s/.test(line[i - 1])) return i;
  }
  return -1;
}

const fullLineComment = (line: string, kind: Kind) => (kind === 'mycnf' ? /^\s*[#;]/ : /^\s*#/).test(line);

/** Template tags on a line (Jinja/Go `{{ }}`, `{% %}`, ERB `<% %>`), as [start, end) columns. */
export function templateSpans(line: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of line.matchAll(/\{\{.*?\}\}|\{%.*?%\}|<%.*?%>/g)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

/** Why an edit writes inside a template tag (undefined when it does not): an edge strictly inside one. */
export function writesInTemplate(idx: LineIndex, e: TextEdit): string | undefined {
  for (const p of [e.range.start, e.range.end]) {
    for (const [a, b] of templateSpans(idx.line(p.line))) {
      if (p.character > a && p.character < b) return `edge at ${p.line + 1}:${p.character} inside the template tag "${idx.line(p.line).slice(a, b)}"`;
    }
  }
  return undefined;
}

/** Why an edit writes inside a comment of `text` (undefined when it does not). */
export function writesInComment(idx: LineIndex, kind: Kind, e: TextEdit): string | undefined {
  for (const p of [e.range.start, e.range.end]) {
    const c = commentStart(idx.line(p.line), kind);
    if (c >= 0 && p.character > c) return `edge at ${p.line + 1}:${p.character} inside the comment "${idx.line(p.line).trim()}"`;
  }
  for (let l = e.range.start.line; l <= e.range.end.line; l++) {
    // a whole comment line inside the replaced text (a line the edit starts at column 0 of, or one it spans)
    const covered = (l > e.range.start.line || e.range.start.character === 0) && l < e.range.end.line;
    if (covered && fullLineComment(idx.line(l), kind)) return `removes the comment line ${l + 1} "${idx.line(l).trim()}"`;
  }
  return undefined;
}

