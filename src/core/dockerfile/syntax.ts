/**
 * Our Dockerfile syntax tree: instructions, comments and parser directives, read the way BuildKit's parser
 * (moby/buildkit frontend/dockerfile/parser) reads a Dockerfile. No third-party parser is involved.
 *
 * Logical lines (parser.go `Parse`):
 * - the file is split on `\n` only; trailing `\r`/`\n` characters of a line are dropped; a BOM at the very start is
 *   ignored;
 * - parser directives (`# syntax=`, `# escape=`, `# check=`) are read from the top while every line is one; the first
 *   line that is not (a blank line, another comment, an instruction, an unknown key) ends them;
 * - the first line of an instruction has its leading blanks removed; blank lines and comment lines between
 *   instructions are skipped;
 * - a line continues when it ends with the escape character, optionally followed by spaces or tabs, and that
 *   character is not itself preceded by the escape character (BuildKit's `([^\\])\\[ \t]*$|^\\[ \t]*$`): a line that
 *   ends in an escaped escape (`COPY a.dll C:\\Windows\\System32\\`) ends the instruction;
 * - inside a continuation, comment lines (first non-blank character `#`) and blank lines are skipped, and the other
 *   lines are appended as they are (no blank removed);
 * - RUN, COPY and ADD (also under ONBUILD) in shell form whose logical line holds `<<WORD` (or `<< WORD`, `<<-WORD`,
 *   `2<<WORD`, quoted names) read heredoc bodies after the logical line, one after the other, raw: no continuation,
 *   no comment, up to a line equal to the name (after removing leading tabs for `<<-`).
 *
 * Arguments (words with their ranges), flags and their options keep the readings our rules were written against
 * (the word splitting of dockerfile-ast 0.7, an MIT-licensed reader, re-implemented here over character codes), but
 * only over the instruction's own logical line: a heredoc body is never split into arguments.
 */
import type { Range } from '../finding';
import type { LineIndex } from '../text';

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const DOLLAR = 36;
const HASH = 35;

/** A word of an instruction: its value (quotes kept, escapes applied) and its range, computed when first asked. */
export class Argument {
  private r?: Range;
  constructor(
    private readonly value: string,
    private readonly lines: LineIndex,
    /** Document offsets. */
    readonly start: number,
    readonly end: number,
  ) {}
  getValue(): string {
    return this.value;
  }
  getRange(): Range {
    return (this.r ??= { start: this.lines.positionAt(this.start), end: this.lines.positionAt(this.end) });
  }
  toString(): string {
    return this.value;
  }
}

/** `name=value` inside a flag's value (`--mount=type=cache,target=/x`). */
export class FlagOption {
  constructor(
    private readonly name: string,
    private readonly range: Range,
    private readonly nameRange: Range,
    private readonly value: string | null,
    private readonly valueRange: Range | null,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): Range {
    return this.range;
  }
  getNameRange(): Range {
    return this.nameRange;
  }
  getValue(): string | null {
    return this.value;
  }
  getValueRange(): Range | null {
    return this.valueRange;
  }
  toString(): string {
    return this.valueRange !== null ? `${this.name}=${this.value}` : this.name;
  }
}

/** A `--name[=value]` word before an instruction's arguments. */
export class Flag {
  private options?: FlagOption[];
  constructor(
    private readonly lines: LineIndex,
    private readonly range: Range,
    private readonly name: string,
    private readonly nameRange: Range,
    private readonly value: string | null,
    private readonly valueRange: Range | null,
  ) {}
  getRange(): Range {
    return this.range;
  }
  getName(): string {
    return this.name;
  }
  getNameRange(): Range {
    return this.nameRange;
  }
  getValue(): string | null {
    return this.value;
  }
  getValueRange(): Range | null {
    return this.valueRange;
  }
  /** `--name=value` or `--name`, as the build reads it. */
  toString(): string {
    return this.valueRange ? `--${this.name}=${this.value}` : `--${this.name}`;
  }
  getOption(name: string): FlagOption | null {
    return this.getOptions().find((o) => o.getName() === name) ?? null;
  }
  /** Comma-separated `key=value` options of the value; none when the value holds no `=`. */
  getOptions(): FlagOption[] {
    if (this.options) return this.options;
    const out: FlagOption[] = [];
    const value = this.value;
    if (value !== null && this.valueRange) {
      const offset = this.lines.offsetAt(this.valueRange.start);
      const make = (nameStart: number, valueStart: number, valueEnd: number): FlagOption => {
        const r = this.lines.rangeOf(offset + nameStart, offset + valueEnd);
        if (valueStart === -1) return new FlagOption(value.slice(nameStart, valueEnd), r, r, null, null);
        return new FlagOption(
          value.slice(nameStart, valueStart - 1),
          r,
          this.lines.rangeOf(offset + nameStart, offset + valueStart - 1),
          value.slice(valueStart, valueEnd),
          this.lines.rangeOf(offset + valueStart, offset + valueEnd),
        );
      };
      let nameStart = -1;
      let valueStart = -1;
      let hasOptions = false;
      for (let i = 0; i < value.length; i++) {
        const c = value[i];
        if (c === '=') {
          hasOptions = true;
          if (valueStart === -1) valueStart = i + 1;
        } else if (c === ',') {
          if (nameStart !== -1) out.push(make(nameStart, valueStart, i));
          nameStart = -1;
          valueStart = -1;
        } else if (nameStart === -1) nameStart = i;
      }
      if (hasOptions && nameStart !== -1) out.push(make(nameStart, valueStart, value.length));
      if (!hasOptions) out.length = 0;
    }
    return (this.options = out);
  }
}

/** A here-document of RUN, COPY or ADD. */
export class Heredoc {
  constructor(
    private readonly name: string,
    /** `<<EOF`, `<<-"EOF"`, `<< EOF`: the operator and the name word. */
    private readonly startRange: Range,
    private readonly nameRange: Range,
    /** The body, null when empty. */
    private readonly contentRange: Range | null,
    /** The closing line's name, null when the heredoc is never closed. */
    private readonly delimiterRange: Range | null,
    /** `<<-`: leading tabs are removed from the body and the closing line. */
    readonly chomp: boolean,
    /** The name was unquoted: the body is expanded. */
    readonly expand: boolean,
  ) {}
  getName(): string {
    return this.name;
  }
  getStartRange(): Range {
    return this.startRange;
  }
  getNameRange(): Range {
    return this.nameRange;
  }
  getContentRange(): Range | null {
    return this.contentRange;
  }
  getDelimiterRange(): Range | null {
    return this.delimiterRange;
  }
}

/** Keywords whose leading `--words` are flags (the others take none). */
const FLAGGED = new Set(['RUN', 'COPY', 'ADD', 'FROM', 'HEALTHCHECK']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** One physical line's contribution to a logical line: document offsets [from, to). */
interface Segment {
  from: number;
  to: number;
}

/** One instruction (or the instruction an ONBUILD triggers). */
export class Instruction {
  private args?: Argument[];
  private flags?: Flag[];
  private triggerIns?: Instruction | null;
  private kwRange?: Range;
  private kw?: string;
  private fullRange?: Range;
  /** @internal set by the parser */
  heredocs: Heredoc[] = [];
  constructor(
    private readonly doc: SyntaxDoc,
    /** The keyword as written. */
    private readonly word: string,
    /** Document offsets: keyword start and end, end of the logical line, end of the instruction (heredoc bodies included). */
    readonly start: number,
    readonly keywordEnd: number,
    readonly lineEnd: number,
    readonly end: number,
    /** The logical line BuildKit hands to the instruction's parser, continuations removed. */
    readonly logical: string,
    private readonly segments: readonly Segment[],
    /** Index in `logical` where the keyword starts. */
    private readonly logicalStart: number,
  ) {}

  getKeyword(): string {
    return (this.kw ??= this.word.toUpperCase());
  }
  /** The keyword and the words, blank-separated. */
  toString(): string {
    return [this.getKeyword(), ...this.getFlags().map(String), ...this.getArguments().map((a) => a.getValue())].join(' ');
  }
  /** The keyword as written. */
  getInstruction(): string {
    return this.word;
  }
  getInstructionRange(): Range {
    return (this.kwRange ??= this.doc.lines.rangeOf(this.start, this.keywordEnd));
  }
  /** From the keyword to the end of the instruction (its last line, or the closing line of its last heredoc). */
  getRange(): Range {
    return (this.fullRange ??= this.doc.lines.rangeOf(this.start, this.end));
  }
  /** The logical line after the keyword, continuations removed and blanks around it trimmed; null when empty. */
  getArgumentsContent(): string | null {
    const t = this.logical.slice(this.logicalStart + this.word.length).trim();
    return t ? t : null;
  }
  getTextContent(): string {
    return this.doc.text.slice(this.start, this.end);
  }
  /** The words after the keyword and the flags (heredoc bodies excluded). A fresh array. */
  getArguments(): Argument[] {
    this.split();
    return this.args!.slice();
  }
  getFlags(): Flag[] {
    this.split();
    return this.flags!;
  }
  getHeredocs(): Heredoc[] {
    return this.heredocs;
  }
  /** ONBUILD's instruction, or null. */
  getTriggerInstruction(): Instruction | null {
    if (this.triggerIns !== undefined) return this.triggerIns;
    if (this.getKeyword() !== 'ONBUILD') return (this.triggerIns = null);
    // the first word after ONBUILD, in the logical line
    const l = this.logical;
    let i = this.logicalStart + this.word.length;
    while (i < l.length && isSpaceChar(l.charCodeAt(i))) i++;
    if (i >= l.length) return (this.triggerIns = null);
    let j = i;
    while (j < l.length && !isSpaceChar(l.charCodeAt(j))) j++;
    const start = physical(this.segments, i);
    const kwEnd = physical(this.segments, j - 1) + 1;
    const t = new Instruction(this.doc, l.slice(i, j), start, kwEnd, this.lineEnd, this.end, l, this.segments, i);
    t.heredocs = this.heredocs;
    return (this.triggerIns = t);
  }
  /** FROM's stage name (`AS name`), as written. */
  getBuildStage(): string | null {
    const r = this.getBuildStageArg();
    return r ? this.doc.text.slice(r.start, r.end) : null;
  }
  getBuildStageRange(): Range | null {
    return this.getBuildStageArg()?.getRange() ?? null;
  }
  private getBuildStageArg(): Argument | undefined {
    const args = this.getArguments();
    return args.length > 2 && args[1].getValue().toUpperCase() === 'AS' ? args[2] : undefined;
  }

  private split(): void {
    if (this.args) return;
    const all = rawArguments(this.doc.text, this.keywordEnd, this.lineEnd, this.doc.escapeChar, this.doc.lines);
    mergeSpacedHeredocs(all, this.doc, this.heredocs);
    const flags: Flag[] = [];
    let k = 0;
    if (FLAGGED.has(this.getKeyword())) {
      for (; k < all.length; k++) {
        const v = all[k].getValue();
        if (!v.startsWith('--')) break;
        flags.push(makeFlag(this.doc, all[k]));
        if (v === '--') {
          k++;
          break;
        }
      }
    }
    this.flags = flags;
    this.args = k ? all.slice(k) : all;
  }
}

function isSpaceChar(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === 11 || c === 12;
}

/** Document offset of a logical-line index. */
function physical(segments: readonly Segment[], i: number): number {
  let acc = 0;
  // segments are few (one per physical line): a linear walk with running lengths
  for (let s = 0; s < segments.length; s++) {
    const len = segments[s].to - segments[s].from;
    if (i < acc + len || s === segments.length - 1) return segments[s].from + (i - acc);
    acc += len;
  }
  return segments.length ? segments[segments.length - 1].to : 0;
}

/** `<<` and the heredoc name written apart (`cat << 'EOF'`): one argument `<<'EOF'`, spanning both, as BuildKit reads it. */
function mergeSpacedHeredocs(args: Argument[], doc: SyntaxDoc, heredocs: Heredoc[]): void {
  if (!heredocs.length) return;
  for (let k = 0; k + 1 < args.length; k++) {
    const v = args[k].getValue();
    if (!/^\d*<<-?$/.test(v)) continue;
    const next = args[k + 1];
    const gap = doc.text.slice(args[k].end, next.start);
    if (!/^[ \t]+$/.test(gap)) continue;
    args.splice(k, 2, new Argument(v + next.getValue(), doc.lines, args[k].start, next.end));
  }
}

function makeFlag(doc: SyntaxDoc, arg: Argument): Flag {
  const lines = doc.lines;
  const value = arg.getValue();
  const range = arg.getRange();
  const raw = doc.text.slice(arg.start, arg.end);
  const nameIndex = value.indexOf('=');
  const index = raw.indexOf('=');
  // the name starts after the two dashes (continuations and blanks inside the word skipped)
  let dashes = 0;
  let startIndex = raw.length;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === doc.escapeChar || c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (c === '-' && dashes < 2) {
      dashes++;
      continue;
    }
    startIndex = i;
    break;
  }
  const nameStart = arg.start + startIndex;
  if (index === -1) return new Flag(lines, range, value.slice(2), lines.rangeOf(Math.min(nameStart, arg.end), arg.end), null, null);
  const nameRange = lines.rangeOf(Math.min(nameStart, arg.start + index), arg.start + index);
  if (nameIndex === value.length - 1) return new Flag(lines, range, value.slice(2, nameIndex), nameRange, '', { start: range.end, end: range.end });
  return new Flag(lines, range, value.slice(2, nameIndex), nameRange, value.slice(nameIndex + 1), lines.rangeOf(arg.start + index + 1, arg.end));
}

export interface Comment {
  /** Offset of `#` and the end of the line. */
  start: number;
  end: number;
  range: Range;
  /** The text after `#`, blanks around it removed. */
  content: string;
}

export interface ParsedDirective {
  /** Lower-cased. */
  name: string;
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

interface SyntaxDoc {
  text: string;
  lines: LineIndex;
  escapeChar: string;
}

export interface DockerfileSyntax {
  instructions: Instruction[];
  comments: Comment[];
  directives: ParsedDirective[];
  escapeChar: string;
  /** Logical lines that went on over blank lines (BuildKit warns: they will become errors). */
  emptyContinuations: { instruction: Instruction; line: number }[];
}

const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/** Parses a Dockerfile as BuildKit does; never throws. */
export function parseSyntax(text: string, lines: LineIndex): DockerfileSyntax {
  const doc: SyntaxDoc = { text, lines, escapeChar: '\\' };
  const instructions: Instruction[] = [];
  const comments: Comment[] = [];
  const directives: ParsedDirective[] = [];
  const emptyContinuations: DockerfileSyntax['emptyContinuations'] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let directivesDone = false;
  let esc = '\\';
  let escCode = 92;

  /** The physical line at `p`: its content end (trailing CR/LF dropped) in `curEnd`, where the next line starts in `curNext`. */
  let curEnd = 0;
  let curNext = 0;
  const lineAt = (p: number): void => {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = n;
    let e = nl;
    while (e > p && (text.charCodeAt(e - 1) === CR || text.charCodeAt(e - 1) === LF)) e--;
    curEnd = e;
    curNext = nl < n ? nl + 1 : n;
  };
  const firstNonBlank = (p: number, e: number): number => {
    while (p < e && isUnicodeSpace(text.charCodeAt(p))) p++;
    return p;
  };
  /** End of the line's content without its continuation character (and the blanks after it), or -1 when it does not continue. */
  const continuation = (from: number, e: number): number => {
    let k = e;
    while (k > from && (text.charCodeAt(k - 1) === SPACE || text.charCodeAt(k - 1) === TAB)) k--;
    if (k <= from || text.charCodeAt(k - 1) !== escCode) return -1;
    // `^\[ \t]*$` or `([^\])\[ \t]*$`
    if (k - 1 === from || text.charCodeAt(k - 2) !== escCode) return k - 1;
    return -1;
  };
  const addComment = (hash: number, e: number): void => {
    comments.push({ start: hash, end: e, range: lines.rangeOf(hash, e), content: text.slice(hash + 1, e).trim() });
  };

  while (pos < n) {
    lineAt(pos);
    const le = curEnd;
    const next = curNext;
    const first = firstNonBlank(pos, le);
    if (!directivesDone) {
      const d = first < le && text.charCodeAt(first) === HASH ? directiveAt(text, first, le, lines) : undefined;
      if (d && KNOWN_DIRECTIVES.has(d.name)) {
        directives.push(d);
        if (d.name === 'escape' && (d.value === '\\' || d.value === '`') && !directives.slice(0, -1).some((x) => x.name === 'escape')) {
          esc = d.value;
          escCode = esc.charCodeAt(0);
          doc.escapeChar = esc;
        }
        pos = next;
        continue;
      }
      directivesDone = true;
    }
    if (first >= le) {
      pos = next;
      continue;
    }
    if (text.charCodeAt(first) === HASH) {
      addComment(first, le);
      pos = next;
      continue;
    }
    // an instruction: its logical line
    const segments: Segment[] = [];
    let cont = continuation(first, le);
    segments.push({ from: first, to: cont < 0 ? le : cont });
    let lastEnd = le;
    let p = next;
    let empty = false;
    while (cont >= 0 && p < n) {
      lineAt(p);
      const e = curEnd;
      const f = firstNonBlank(p, e);
      lastEnd = e;
      const at = p;
      p = curNext;
      if (f < e && text.charCodeAt(f) === HASH) {
        addComment(f, e);
        continue;
      }
      if (f >= e) {
        empty = true;
        continue;
      }
      cont = continuation(at, e);
      segments.push({ from: at, to: cont < 0 ? e : cont });
    }
    // (one flat string: a rope of one concatenation per continued line was flattened later anyway)
    const logical = segments.length === 1 ? text.slice(segments[0].from, segments[0].to) : segments.map((s) => text.slice(s.from, s.to)).join('');
    // the keyword: the first word of the logical line (blanks in front only when the first line was a lone `\`)
    let ks = 0;
    while (ks < logical.length && isSpaceChar(logical.charCodeAt(ks))) ks++;
    if (ks >= logical.length) {
      pos = p;
      continue;
    }
    let ke = ks;
    while (ke < logical.length && !isSpaceChar(logical.charCodeAt(ke))) ke++;
    const start = physical(segments, ks);
    const kwEnd = physical(segments, ke - 1) + 1;
    const lineEnd = lastEnd;
    const word = logical.slice(ks, ke);
    // heredocs: RUN, COPY, ADD (or ONBUILD of one of them) in shell form
    let kw = word.toUpperCase();
    let rest = logical.slice(ke);
    if (kw === 'ONBUILD') {
      const m = /^\s*(\S+)/.exec(rest);
      kw = m ? m[1].toUpperCase() : '';
      rest = m ? rest.slice(m[0].length) : '';
    }
    const heredocs: { name: string; chomp: boolean; expand: boolean; start: number; end: number; nameStart: number; nameEnd: number }[] = [];
    if (HEREDOC_KEYWORDS.has(kw) && rest.includes('<<') && !isJsonArray(rest.replace(/^(?:\s*--\S*)+/, ''))) {
      for (const h of heredocMarkers(logical, ke)) {
        heredocs.push({
          ...h,
          start: physical(segments, h.start),
          end: physical(segments, h.end - 1) + 1,
          nameStart: physical(segments, h.nameStart),
          nameEnd: physical(segments, h.nameEnd - 1) + 1,
        });
      }
    }
    let end = lineEnd;
    const records: Heredoc[] = [];
    for (const h of heredocs) {
      let bodyStart = -1;
      let bodyEnd = -1;
      let delim: Range | null = null;
      while (p < n) {
        lineAt(p);
        const e = curEnd;
        const at = p;
        p = curNext;
        let s = at;
        if (h.chomp) while (s < e && text.charCodeAt(s) === TAB) s++;
        if (e - s === h.name.length && text.startsWith(h.name, s)) {
          delim = lines.rangeOf(s, e);
          end = e;
          break;
        }
        if (bodyStart < 0) bodyStart = at;
        bodyEnd = e;
        end = e;
      }
      records.push(
        new Heredoc(
          h.name,
          lines.rangeOf(h.start, h.end),
          lines.rangeOf(h.nameStart, h.nameEnd),
          bodyStart < 0 ? null : lines.rangeOf(bodyStart, bodyEnd),
          delim,
          h.chomp,
          h.expand,
        ),
      );
    }
    const ins = new Instruction(doc, word, start, kwEnd, lineEnd, end, logical, segments, ks);
    if (kw === word.toUpperCase()) ins.heredocs = records;
    else if (records.length) {
      // ONBUILD RUN <<EOF: the heredocs belong to the trigger
      const t = ins.getTriggerInstruction();
      if (t) t.heredocs = records;
    }
    instructions.push(ins);
    if (empty) emptyContinuations.push({ instruction: ins, line: lines.positionAt(lineEnd).line });
    pos = p;
  }
  return { instructions, comments, directives, escapeChar: esc, emptyContinuations };
}

/** Go's unicode.IsSpace over the characters a Dockerfile line can hold. */
function isUnicodeSpace(c: number): boolean {
  return c === SPACE || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** A `# name=value` line at the top, as BuildKit's DirectiveParser reads it. */
function directiveAt(text: string, hash: number, e: number, lines: LineIndex): ParsedDirective | undefined {
  let i = hash + 1;
  while (i < e && isUnicodeSpace(text.charCodeAt(i))) i++;
  const body = text.slice(i, e);
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  const nameStart = i;
  const nameEnd = i + m[1].length;
  const valueStart = i + body.indexOf(m[2], m[1].length);
  const valueEnd = valueStart + m[2].length;
  return {
    name,
    value: m[2],
    range: lines.rangeOf(hash, e),
    nameRange: lines.rangeOf(nameStart, nameEnd),
    valueRange: lines.rangeOf(valueStart, valueEnd),
  };
}

/** BuildKit's parseMaybeJSON test: the arguments (flags not removed) start with `[` and are a JSON array. */
function isJsonArray(rest: string): boolean {
  const t = rest.trim();
  if (!t.startsWith('[')) return false;
  try {
    return Array.isArray(JSON.parse(t));
  } catch {
    return false;
  }
}

/**
 * Heredoc operators of a logical line, after index `from`, with BuildKit's reading: words split on unquoted blanks,
 * `<<` followed by blanks joined to the next word, then `^(\d*)<<(-?)\s*([^<]*)$` with a name that is one word once
 * its quotes are removed. Indexes are in `line`.
 */
export function heredocMarkers(line: string, from: number): { name: string; chomp: boolean; expand: boolean; start: number; end: number; nameStart: number; nameEnd: number }[] {
  const out: { name: string; chomp: boolean; expand: boolean; start: number; end: number; nameStart: number; nameEnd: number }[] = [];
  const n = line.length;
  let i = from;
  while (i < n) {
    while (i < n && isSpaceChar(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const ws = i;
    let quote = 0;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === 92 && quote === 34) i++;
        i++;
        continue;
      }
      if (c === 39 || c === 34) {
        quote = c;
        i++;
        continue;
      }
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c === 60 && line.charCodeAt(i + 1) === 60) {
        // `<<` (and `<<-`) swallows the blanks after it
        i += 2;
        if (line.charCodeAt(i) === 45) i++;
        while (i < n && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) i++;
        continue;
      }
      if (isSpaceChar(c)) break;
      i++;
    }
    const we = Math.min(i, n);
    const word = line.slice(ws, we);
    const m = /^(\d*)<<(-?)[ \t]*([^<]*)$/.exec(word);
    if (!m || !m[3]) continue;
    const rest = m[3];
    const restStart = we - rest.length;
    // the name: quotes removed; one word only
    let name = '';
    let q = 0;
    let quoted = false;
    let ok = true;
    for (let k = 0; k < rest.length; k++) {
      const c = rest.charCodeAt(k);
      if (q) {
        if (c === q) q = 0;
        else if (c === 92 && q === 34 && k + 1 < rest.length) name += rest[++k];
        else name += rest[k];
        continue;
      }
      if (c === 39 || c === 34) {
        q = c;
        quoted = true;
        continue;
      }
      if (c === 92 && k + 1 < rest.length) {
        // an escaped character is taken literally, but only quotes turn expansion off (BuildKit counts quotes)
        name += rest[++k];
        continue;
      }
      if (isSpaceChar(c)) {
        ok = false;
        break;
      }
      name += rest[k];
    }
    if (!ok || q || !name) continue;
    // the name's range: the name word without its surrounding quotes
    let ns = restStart;
    let ne = we;
    const f = line[ns];
    if ((f === '"' || f === "'") && line[ne - 1] === f && ne - ns >= 2) {
      ns++;
      ne--;
    }
    out.push({ name, chomp: m[2] === '-', expand: !quoted, start: ws, end: we, nameStart: ns, nameEnd: ne });
  }
  return out;
}

/**
 * The words of [from, to): dockerfile-ast 0.7's argument reading (quotes kept, `\x` unescaped except `\$`,
 * continuations joining, comment lines inside continuations skipped), over character codes with runs of ordinary
 * characters taken at once. Each word's range ends before a continuation that follows it.
 */
export function rawArguments(text: string, from: number, to: number, esc: string, lines: LineIndex): Argument[] {
  const args: Argument[] = [];
  const escCode = esc.length === 1 ? esc.charCodeAt(0) : -1;
  // (an empty word left by an escaped blank before any word starts just before `from`, as in the original)
  const arg = (value: string, s: number, e: number): Argument => new Argument(value, lines, s < 0 ? from - 1 : s, e);
  let start = false;
  let comment = false;
  let found = -1;
  let escapedWhitespaceDetected = false;
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = '';
  const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === LF || c === CR;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      if (escaping) {
        if (c === LF || c === CR) {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        } else {
          escapedWhitespaceDetected = true;
          while (i + 1 < to && (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB)) i++;
        }
        continue;
      } else if (found !== -1) {
        args.push(arg(escapedArg, found, escapeMarker === -1 ? i : escapeMarker));
        escapeMarker = -1;
        escapedArg = '';
        found = -1;
      }
      while (i + 1 < to && isBlank(text.charCodeAt(i + 1))) i++;
    } else if (c === escCode) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        let j = i + 2;
        for (; j < to; j++) {
          const d = text.charCodeAt(j);
          if (d === SPACE || d === TAB) continue;
          if (d === CR || d === LF) {
            if (d === CR) j++;
            comment = false;
            escaping = true;
            start = true;
            if (found !== -1) escapeMarker = i;
            i = j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === -1) break;
        escapedArg = next === DOLLAR ? escapedArg + esc + '$' : escapedArg + text.charAt(i + 1);
        if (found === -1) found = i;
        i++;
      }
    } else if (comment) {
      while (i + 1 < to) {
        const d = text.charCodeAt(i + 1);
        if (isBlank(d) || d === escCode) break;
        i++;
      }
    } else {
      if (start && c === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        let j = i + 1;
        while (j < to) {
          const d = text.charCodeAt(j);
          if (isBlank(d) || d === escCode) break;
          j++;
        }
        escapedArg += text.slice(i, j);
        if (found === -1) found = i;
        i = j - 1;
      }
      start = false;
    }
  }
  if (found !== -1) args.push(arg(escapedArg, found, escapeMarker === -1 ? to : escapeMarker));
  return args;
}

/** Names the rules use for particular instructions: one record type serves them all. */
export type From = Instruction;
export type Onbuild = Instruction;
export type Run = Instruction;
