/**
 * The option-file reader, line by line as MySQL's and MariaDB's `my_default.c` read it:
 *  - leading blanks are skipped; `#` or `;` first means a comment line; an empty line is nothing;
 *  - `!include PATH` / `!includedir DIR` (keyword case-sensitive, followed by a blank; the path is taken literally,
 *    no quotes, no escapes, no comment removal); other `!words` are silently ignored by the server;
 *  - `[name]`: the text up to the first `]`, trailing blanks trimmed (leading ones kept: `[ mysqld]` is another group);
 *    anything after `]` is ignored; a missing `]` is fatal;
 *  - otherwise an option: `#` outside quotes starts a comment anywhere; the name is what precedes the first `=`;
 *    the value is trimmed, one pair of matching outer quotes is removed, then `\n \t \r \b \s \" \' \\` are
 *    replaced and any other backslash is kept with its character.
 * Includes are read through the host's LintEnv, at the directive's position, down to 10 levels, without cycles.
 */
import type { LintEnv } from '../language';
import type { Range } from '../finding';
import { LineIndex, lineIndexOf } from '../text';
import type { CnfDirective, CnfGroup, CnfOption, CnfSource, MycnfModel } from './model';
import { baseName, dirName, isAbsolutePath, joinPath, normalizePath, resolvePath } from './paths';
import { templateOf, type TemplateReading } from '../template/read';
import { onTemplateCode } from '../template/findings';

/** The server skips include directives in files at this depth (the linted file is depth 0). */
export const MAX_INCLUDE_DEPTH = 10;
/** Upper bound of files read through includes, whatever the folders hold. */
const MAX_INCLUDED_FILES = 200;

export type ParsedFiles = Pick<
  MycnfModel,
  'text' | 'lines' | 'sources' | 'groups' | 'options' | 'directives' | 'malformed' | 'orphans' | 'fragment' | 'partial' | 'template'
>;

export function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function r(line: number, s: number, e: number): Range {
  return { start: { line, character: s }, end: { line, character: e } };
}

/** Index of the `#` that starts a comment (outside single/double quotes; a backslash escapes inside quotes), or the line length. */
export function commentStart(l: string, from: number): number {
  // fast path: no quote and no `#` after `from` (most lines): nothing to scan
  const hash = l.indexOf('#', from);
  if (hash < 0) return l.length;
  if (l.indexOf("'", from) < 0 && l.indexOf('"', from) < 0) return hash;
  let quote = 0;
  let escape = false;
  for (let i = from; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if ((c === 39 || c === 34) && !escape) {
      if (!quote) quote = c;
      else if (quote === c) quote = 0;
    }
    if (!quote && c === 35) return i;
    escape = !!quote && c === 92 && !escape;
  }
  return l.length;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', s: ' ', '"': '"', "'": "'", '\\': '\\' };

/** Outer quotes and escapes, as the server applies them to a trimmed value. */
export function unquote(raw: string): { value: string; quote?: '"' | "'" } {
  let s = raw;
  let quote: '"' | "'" | undefined;
  if ((s[0] === '"' || s[0] === "'") && s.length > 1 && s[s.length - 1] === s[0]) {
    quote = s[0] as '"' | "'";
    s = s.slice(1, -1);
  }
  if (!s.includes('\\')) return quote ? { value: s, quote } : { value: s };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i !== s.length - 1) {
      const n = s[++i];
      const e = ESCAPES[n];
      out += e ?? '\\' + n;
    } else out += c;
  }
  return quote ? { value: out, quote } : { value: out };
}

interface ReadState {
  env: LintEnv;
  out: ParsedFiles;
  /** Paths on the current include chain (normalized), for cycle detection. */
  stack: string[];
  windows: boolean;
}

export function parseOptionFiles(given: string, env: LintEnv = {}): ParsedFiles {
  // A template (my.cnf.j2, my.cnf.erb, my.cnf.epp...): its tags are masked, positions kept (src/core/template).
  const template = templateOf(env.fileName, given);
  const text = template ? template.text : given;
  const lines = lineIndexOf(text);
  const out: ParsedFiles = {
    text,
    lines,
    sources: [],
    groups: [],
    options: [],
    directives: [],
    malformed: [],
    orphans: [],
    fragment: false,
    partial: false,
  };
  const fileName = env.fileName;
  const state: ReadState = {
    env,
    out,
    stack: fileName ? [normalizePath(fileName)] : [],
    windows: !!fileName && /\.ini$/i.test(fileName),
  };
  if (template) {
    out.template = template;
    markTemplated(out, template);
  }
  readSource(state, text, lines, fileName, 0, undefined);
  if (template) dropTemplatedNames(out, template);
  out.fragment = out.sources[0].fragment;
  if (out.fragment) out.partial = true;
  return out;
}

function readSource(state: ReadState, text: string, lines: LineIndex, path: string | undefined, depth: number, includedBy: CnfDirective | undefined): CnfSource {
  const { out } = state;
  const src: CnfSource = {
    id: out.sources.length,
    path,
    main: depth === 0,
    text,
    lines,
    depth,
    includedBy,
    comments: [],
    fragment: false,
  };
  out.sources.push(src);
  if (includedBy) includedBy.children.push(src.id);

  let group: CnfGroup | undefined;
  let sawGroup = false;
  const ownOrphans: CnfOption[] = [];
  const n = lines.lineCount;
  for (let i = 0; i < n; i++) {
    const l = lines.line(i);
    let p = 0;
    if (i === 0 && l.charCodeAt(0) === 0xfeff) {
      // A UTF-8 byte-order mark is not a blank to the server: it refuses the file ("option without preceding group").
      // We note it and read on, so the rest of the file is still checked.
      src.bom = true;
      p = 1;
    }
    while (p < l.length && isBlank(l.charCodeAt(p))) p++;
    if (p >= l.length) continue;
    const c = l[p];
    if (c === '#' || c === ';') {
      src.comments.push({ line: i, text: l.slice(p + 1).trim(), range: r(i, p, l.length) });
      continue;
    }
    if (c === '!' || (c === '?' && /^\?\s*include/.test(l.slice(p)))) {
      const d = readDirective(state, src, l, i, p);
      if (d) follow(state, src, d);
      continue;
    }
    if (c === '[') {
      sawGroup = true;
      group = readGroup(state, src, l, i, p);
      continue;
    }
    const opt = readOption(state, src, l, i, p, group);
    if (opt && !group) ownOrphans.push(opt);
  }
  if (!sawGroup && ownOrphans.length && depth === 0) {
    src.fragment = true;
  } else {
    out.orphans.push(...ownOrphans);
  }
  return src;
}

function readDirective(state: ReadState, src: CnfSource, l: string, i: number, p: number): CnfDirective | undefined {
  const optional = l[p] === '?';
  let q = p + 1;
  while (q < l.length && isBlank(l.charCodeAt(q))) q++;
  const rest = l.slice(q);
  let kind: CnfDirective['kind'] = 'unknown';
  let kwLen = 0;
  const blankAfter = (k: number) => k >= rest.length || isBlank(rest.charCodeAt(k));
  if (rest.startsWith('includedir') && blankAfter(10)) {
    kind = 'includedir';
    kwLen = 10;
  } else if (rest.startsWith('include') && blankAfter(7)) {
    kind = 'include';
    kwLen = 7;
  }
  let end = l.length;
  while (end > p && isBlank(l.charCodeAt(end - 1))) end--;
  const kwMatch = /^[^\s]*/.exec(rest)![0];
  const d: CnfDirective = {
    source: src.id,
    line: i,
    kind,
    keyword: (optional ? '?' : '!') + (kind === 'unknown' ? kwMatch : rest.slice(0, kwLen)),
    range: r(i, p, end),
    keywordRange: r(i, p, q + (kind === 'unknown' ? kwMatch.length : kwLen)),
    status: 'not-followed',
    children: [],
  };
  if (optional) d.optional = true;
  state.out.directives.push(d);
  if (kind === 'unknown') {
    d.status = 'unknown-directive';
    return undefined;
  }
  let s = q + kwLen;
  while (s < end && isBlank(l.charCodeAt(s))) s++;
  if (s >= end) {
    d.status = 'missing-path';
    return undefined;
  }
  d.path = l.slice(s, end);
  d.pathRange = r(i, s, end);
  return d;
}

function readGroup(state: ReadState, src: CnfSource, l: string, i: number, p: number): CnfGroup {
  const close = l.indexOf(']', p + 1);
  let nameEnd = close >= 0 ? close : l.length;
  while (nameEnd > p + 1 && isBlank(l.charCodeAt(nameEnd - 1))) nameEnd--;
  const name = l.slice(p + 1, nameEnd);
  const g: CnfGroup = {
    source: src.id,
    line: i,
    name,
    key: name.toLowerCase(),
    range: r(i, p, close >= 0 ? close + 1 : nameEnd),
    nameRange: r(i, p + 1, nameEnd),
    closed: close >= 0,
    // every field present from the start: one shape for every group (rules read o.group.role on every option)
    trailing: undefined,
    role: 'unknown',
    checkTarget: undefined,
    readBy: '',
    options: [],
  };
  if (close >= 0) {
    let t = close + 1;
    while (t < l.length && isBlank(l.charCodeAt(t))) t++;
    if (t < l.length) {
      if (l[t] === '#' || l[t] === ';') src.comments.push({ line: i, text: l.slice(t + 1).trim(), range: r(i, t, l.length) });
      else {
        let e = l.length;
        while (e > t && isBlank(l.charCodeAt(e - 1))) e--;
        g.trailing = { text: l.slice(t, e), range: r(i, t, e) };
      }
    }
  }
  state.out.groups.push(g);
  return g;
}

/** The modifiers of an option not yet resolved (shared, never written: analyze.ts assigns a new array). */
const NO_PREFIXES = Object.freeze([]) as unknown as CnfOption['prefixes'];

/**
 * An option line as read (see CnfOption). One class, every field set in the constructor in one order: every option
 * has the same shape, so the rules' reads of its fields (on every option, by dozens of rules) stay monomorphic. The
 * ranges few rules need (the whole line, the `=` sign) are built when asked for, not for every line of every lint.
 */
class OptionLine implements CnfOption {
  source: number;
  line: number;
  group: CnfGroup | undefined;
  text: string;
  nameRange: Range;
  norm: string;
  hasValue: boolean;
  rawValue: string | undefined;
  value: string | undefined;
  valueRange: Range | undefined;
  quote: '"' | "'" | undefined;
  lineText: string;
  commentStart: number | undefined;
  prefixes: CnfOption['prefixes'];
  name: string;
  baseRange: Range;
  info: CnfOption['info'];
  abbreviationOf: string[] | undefined;
  key: string;
  /** Column of the `=` sign, -1 without one. */
  private readonly equalsAt: number;
  /** The line is the last of its file (no line break after it to delete). */
  private readonly lastLine: boolean;
  /** `range` once asked for. */
  private rangeMemo: Range | undefined;

  constructor(source: number, line: number, group: CnfGroup | undefined, text: string, nameRange: Range, norm: string, lineText: string, lower: string, equalsAt: number, lastLine: boolean) {
    this.source = source;
    this.line = line;
    this.group = group;
    this.text = text;
    this.nameRange = nameRange;
    this.norm = norm;
    this.hasValue = equalsAt >= 0;
    this.rawValue = undefined;
    this.value = undefined;
    this.valueRange = undefined;
    this.quote = undefined;
    this.lineText = lineText;
    this.commentStart = undefined;
    this.prefixes = NO_PREFIXES;
    this.name = lower;
    this.baseRange = nameRange;
    this.info = undefined;
    this.abbreviationOf = undefined;
    this.key = lower;
    this.equalsAt = equalsAt;
    this.lastLine = lastLine;
    this.rangeMemo = undefined;
  }

  /**
   * From the name to the end of the value (or of the name). Built when asked for (few rules do); ranges are never
   * changed in place, so it shares the name's and the value's positions, and is the name's range without a value.
   */
  get range(): Range {
    const v = this.valueRange;
    if (!v) return this.nameRange;
    return (this.rangeMemo ??= { start: this.nameRange.start, end: v.end.character > v.start.character ? v.end : { line: this.line, character: this.equalsAt + 1 } });
  }

  /** The whole line including its line break (a new object on each read: only fixes that delete the line ask). */
  get lineRange(): Range {
    const i = this.line;
    return this.lastLine ? r(i, 0, this.lineText.length) : { start: { line: i, character: 0 }, end: { line: i + 1, character: 0 } };
  }

  get equalsRange(): Range | undefined {
    return this.equalsAt >= 0 ? r(this.line, this.equalsAt, this.equalsAt + 1) : undefined;
  }
}

function readOption(state: ReadState, src: CnfSource, l: string, i: number, p: number, group: CnfGroup | undefined): CnfOption | undefined {
  const cs = commentStart(l, p);
  let eq = l.indexOf('=', p);
  if (eq >= cs) eq = -1;
  let nameEnd = eq >= 0 ? eq : cs;
  while (nameEnd > p && isBlank(l.charCodeAt(nameEnd - 1))) nameEnd--;
  const text = l.slice(p, nameEnd);
  if (!text) {
    state.out.malformed.push({ source: src.id, line: i, range: r(i, p, eq >= 0 ? eq + 1 : cs), reason: 'empty-name' });
    return undefined;
  }
  if (hasBlank(text)) {
    state.out.malformed.push({ source: src.id, line: i, range: r(i, p, nameEnd), reason: 'option-name-space' });
    return undefined;
  }
  const norm = text.includes('-') ? text.replaceAll('-', '_') : text;
  const opt = new OptionLine(src.id, i, group, text, r(i, p, nameEnd), norm, l, norm.toLowerCase(), eq, i + 1 >= src.lines.lineCount);
  if (cs < l.length) opt.commentStart = cs;
  if (eq >= 0) {
    let vs = eq + 1;
    while (vs < cs && isBlank(l.charCodeAt(vs))) vs++;
    let ve = cs;
    while (ve > vs && isBlank(l.charCodeAt(ve - 1))) ve--;
    const raw = l.slice(vs, ve);
    opt.rawValue = raw;
    const c = raw.charCodeAt(0);
    // most values have no quote and no backslash: the value is the raw text (no reading object to build)
    if (c !== 34 && c !== 39 && !raw.includes('\\')) opt.value = raw;
    else {
      const u = unquote(raw);
      opt.value = u.value;
      if (u.quote) opt.quote = u.quote;
    }
    opt.valueRange = r(i, vs, ve);
  }
  state.out.options.push(opt);
  group?.options.push(opt);
  return opt;
}

/** What /\s/ finds: a blank or line break of JavaScript's white space (the name's own characters are not split on it). */
function hasBlank(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0x80 && /\s/.test(t[k])) return true;
  }
  return false;
}

function follow(state: ReadState, src: CnfSource, d: CnfDirective): void {
  const { env, out } = state;
  const optional = d.optional;
  if (src.depth >= MAX_INCLUDE_DEPTH) {
    d.status = 'depth';
    return;
  }
  if (!env.readFile || (d.kind === 'includedir' && !env.listDir)) {
    d.status = 'not-followed';
    out.partial = true;
    return;
  }
  if (!isAbsolutePath(d.path!) && !src.path) {
    // A relative path is relative to the server's working folder; without a file name we cannot even guess.
    d.status = 'not-followed';
    out.partial = true;
    return;
  }
  const primary = resolvePath(src.path, d.path!);
  const candidates = [primary];
  // A repository usually keeps the folder an absolute path names (/etc/mysql/conf.d/) beside the file.
  if (isAbsolutePath(d.path!) && src.path) candidates.push(normalizePath(joinPath(dirName(src.path), baseName(d.path!))));
  // the host's project boundary: a path outside it is never asked for
  let outside = false;
  const allowed = (p: string) => {
    if (!env.allows || env.allows(p)) return true;
    outside = true;
    return false;
  };
  const notRead = () => {
    d.status = outside ? 'outside' : 'unreadable';
    d.resolved = primary;
    if (!optional) out.partial = true;
  };
  if (d.kind === 'include') {
    for (const [k, cand] of candidates.entries()) {
      if (!allowed(cand)) continue;
      if (state.stack.includes(cand)) {
        d.status = 'cycle';
        d.resolved = cand;
        return;
      }
      const t = out.sources.length < MAX_INCLUDED_FILES ? env.readFile(cand) : undefined;
      if (t === undefined) continue;
      d.status = 'read';
      d.resolved = cand;
      if (k > 0) d.besideFile = true;
      include(state, cand, t, src.depth + 1, d);
      return;
    }
    notRead();
    return;
  }
  for (const [k, cand] of candidates.entries()) {
    if (!allowed(cand)) continue;
    const entries = env.listDir!(cand);
    if (!entries) continue;
    d.status = 'read';
    d.resolved = cand;
    if (k > 0) d.besideFile = true;
    const ext = state.windows ? /\.(cnf|ini)$/ : /\.cnf$/;
    const skipped: string[] = [];
    for (const e of [...entries].sort()) {
      if (!ext.test(e)) {
        skipped.push(e);
        continue;
      }
      const file = normalizePath(joinPath(cand, e));
      if (state.stack.includes(file) || (env.allows && !env.allows(file))) continue;
      const t = out.sources.length < MAX_INCLUDED_FILES ? env.readFile(file) : undefined;
      if (t === undefined) continue;
      include(state, file, t, src.depth + 1, d);
    }
    if (skipped.length) d.skipped = skipped;
    return;
  }
  notRead();
}

function include(state: ReadState, path: string, text: string, depth: number, d: CnfDirective): void {
  state.stack.push(path);
  try {
    readSource(state, text, new LineIndex(text), path, depth, d);
  } finally {
    state.stack.pop();
  }
}

/**
 * A template whose expressions render whole lines (`{{ mysql_config_include_files }}`, `<%= @options %>`) or whose
 * includes are not followed holds settings we cannot see: checks that need the whole configuration stay quiet.
 */
function markTemplated(out: ParsedFiles, t: TemplateReading): void {
  if (t.includes.length) out.partial = true;
  for (const tag of t.tags) {
    if (tag.type !== 'expression') continue;
    // an expression masked as blanks rendered lines of its own
    if (t.text.charCodeAt(tag.start) === 32) out.partial = true;
  }
}

/**
 * Options whose name is (or holds) a template expression (`{{ key }} = {{ value }}` in a loop) are no option we can
 * name: they leave the model (and the configuration is partial); groups whose name is templated are kept (their
 * options are still read) with the role a name we do not know gets.
 */
function dropTemplatedNames(out: ParsedFiles, t: TemplateReading): void {
  const isTemplated = (o: CnfOption) => o.source === 0 && onTemplateCode(t, out.lines.offsetAt(o.nameRange.start), out.lines.offsetAt(o.nameRange.end));
  if (!out.options.some(isTemplated)) return;
  out.partial = true;
  out.options = out.options.filter((o) => !isTemplated(o));
  out.orphans = out.orphans.filter((o) => !isTemplated(o));
  for (const g of out.groups) g.options = g.options.filter((o) => !isTemplated(o));
}
