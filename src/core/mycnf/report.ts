/**
 * How option-file findings in included files are reported (mycnfLanguage.route): a rule reports with
 * `input: option.source`; a finding in an included file carries that file's path (`file`), a related note on the
 * `!include` line of the linted file, no fixes (the edits would be in another file), and honours that file's own
 * `# devops-guidance ignore=` comments. Also the fix builders the rules share.
 */
import type { Fix, Range, RelatedInformation, TextEdit } from '../finding';
import type { Report, RuleMeta } from '../rule';
import { parseDirective, tokenMatches } from '../suppress';
import type { CnfDirective, CnfGroup, CnfOption, CnfSource, MycnfModel } from './model';

/** What a report in another source of the model becomes; undefined when that file's own comments silence it. */
export function routeReport(m: MycnfModel, r: Report, meta: RuleMeta): Report | undefined {
  const src = r.input === undefined ? undefined : m.sources[r.input];
  // the linted file: the report as it is (the engine reads no `input` after routing; no copy per finding)
  if (!src || src.main) return r;
  if (suppressedInSource(src, r.range.start.line, meta)) return undefined;
  const related: RelatedInformation[] = [...(r.related ?? [])];
  const top = topDirective(m, src);
  if (top) related.push({ message: `read from ${src.path} through this ${top.keyword}`, range: top.range });
  return { range: r.range, message: r.message, related, severity: r.severity, file: src.path };
}

/** The directive in the linted file through which an included source is read. */
export function topDirective(m: MycnfModel, src: CnfSource): CnfDirective | undefined {
  let d = src.includedBy;
  while (d && d.source !== 0) d = m.sources[d.source].includedBy;
  return d;
}

const suppressCache = new WeakMap<CnfSource, { file: string[]; lines: Map<number, string[]> }>();

function suppressedInSource(src: CnfSource, line: number, meta: RuleMeta): boolean {
  let s = suppressCache.get(src);
  if (!s) {
    s = { file: [], lines: new Map() };
    const commentLines = new Set(src.comments.map((c) => c.line));
    for (const c of src.comments) {
      const d = parseDirective(c.text);
      if (!d) continue;
      if (d.kind === 'file') s.file.push(...d.codes);
      else {
        let n = c.line + 1;
        while (n < src.lines.lineCount && (commentLines.has(n) || !src.lines.line(n).trim())) n++;
        s.lines.set(n, [...(s.lines.get(n) ?? []), ...d.codes]);
      }
    }
    suppressCache.set(src, s);
  }
  const f = { code: meta.code, name: meta.name };
  return s.file.some((c) => tokenMatches(c, f, meta)) || !!s.lines.get(line)?.some((c) => tokenMatches(c, f, meta));
}

// ---------------------------------------------------------------- fix builders

/** Writes a name in the style of the option it replaces (dashes or underscores). */
export function styled(name: string, like: string): string {
  return like.includes('-') && !like.includes('_') ? name.replace(/_/g, '-') : name;
}

export function replaceValueEdit(o: CnfOption, value: string): TextEdit {
  if (o.valueRange) return { range: o.valueRange, newText: value };
  return { range: { start: o.nameRange.end, end: o.nameRange.end }, newText: ` = ${value}` };
}

/** Replaces the bare name (after modifiers) and keeps the modifiers. */
export function renameEdit(o: CnfOption, name: string): TextEdit {
  const like = o.text;
  return { range: o.baseRange, newText: styled(name, like) };
}

export function deleteLineEdit(o: { lineRange: Range }): TextEdit {
  return { range: o.lineRange, newText: '' };
}

function lineEnd(m: MycnfModel, line: number): number {
  return m.lines.line(line).length;
}

/** Inserts a new line after `line` (in the linted file). */
export function insertLineAfter(m: MycnfModel, line: number, text: string): TextEdit {
  if (line + 1 < m.lines.lineCount) return { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, newText: `${text}\n` };
  const c = lineEnd(m, line);
  return { range: { start: { line, character: c }, end: { line, character: c } }, newText: `\n${text}` };
}

/** Inserts a new line before `line` (in the linted file). */
export function insertLineBefore(line: number, text: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${text}\n` };
}

/** Where an option added to a group goes: after the group's last option line in the linted file, or after the header. */
export function insertInGroup(m: MycnfModel, g: CnfGroup, text: string): TextEdit {
  const own = g.options.filter((o) => o.source === g.source);
  const last = own.length ? own[own.length - 1].line : g.line;
  return insertLineAfter(m, last, text);
}

/** An option line written the way the file writes them (`name = value` or `name=value`). */
export function optionLine(m: MycnfModel, name: string, value?: string): string {
  const { spaced, useDash } = lineStyle(m);
  const n = useDash ? name.replace(/_/g, '-') : name;
  if (value === undefined) return n;
  return spaced ? `${n} = ${value}` : `${n}=${value}`;
}

const styleCache = new WeakMap<MycnfModel, { spaced: boolean; useDash: boolean }>();

/** How the linted file writes options (blanks around `=`, dashes or underscores), computed once per model. */
function lineStyle(m: MycnfModel): { spaced: boolean; useDash: boolean } {
  let st = styleCache.get(m);
  if (!st) {
    let spaced = false;
    let dashes = 0;
    let underscores = 0;
    for (const o of m.options) {
      if (o.source !== 0) continue;
      if (!spaced && o.hasValue && /\s=|=\s/.test(o.lineText)) spaced = true;
      if (o.text.includes('-')) dashes++;
      if (o.text.includes('_')) underscores++;
    }
    st = { spaced, useDash: dashes > underscores };
    styleCache.set(m, st);
  }
  return st;
}

export function fix(title: string, safe: boolean, ...edits: TextEdit[]): Fix {
  return { title, safe, edits };
}

/** Options from the linted file only (fixes can only edit it). */
export function inMain(o: { source: number } | undefined): boolean {
  return !!o && o.source === 0;
}

/** `name` with its modifiers, as written, for messages. */
export function shown(o: CnfOption): string {
  return o.text;
}

/**
 * An edit that adds an option line: after `near` when it is in the linted file, else at the end of the linted file's
 * last server group (or after the last option of a fragment). Undefined when the linted file has no such place.
 */
export function addOptionEdit(m: MycnfModel, text: string, near?: CnfOption): TextEdit | undefined {
  if (near && near.source === 0) return insertLineAfter(m, near.line, text);
  const groups = m.groups.filter((g) => g.source === 0 && g.role === 'server');
  const g = groups.find((x) => x.key === 'mysqld') ? [...groups].reverse().find((x) => x.key === 'mysqld') : groups[groups.length - 1];
  if (g) return insertInGroup(m, g, text);
  if (m.fragment) {
    const own = m.options.filter((o) => o.source === 0);
    if (own.length) return insertLineAfter(m, own[own.length - 1].line, text);
  }
  return undefined;
}

/** A fix that adds `name = value` (in the file's style), or none when there is no place for it. */
export function addOptionFix(m: MycnfModel, title: string, name: string, value: string | undefined, near?: CnfOption, safe = false): Fix[] | undefined {
  const e = addOptionEdit(m, optionLine(m, name, value), near);
  return e ? [fix(title, safe, e)] : undefined;
}

/** A fix that sets an option's value. */
export function setValueFix(o: CnfOption, value: string, title = `Set ${o.text} = ${value}`, safe = false): Fix[] {
  return [fix(title, safe, replaceValueEdit(o, value))];
}
