/**
 * Reading instructions the way Docker does, on top of our syntax tree (syntax.ts): words with document offsets, exec (JSON) form,
 * flags, COPY/ADD sources and destination, ARG/ENV/LABEL pairs, ONBUILD triggers.
 */
import type { Argument, Instruction, Flag, Heredoc } from './syntax';
import type { Range } from '../finding';
import type { DockerfileModel } from './model';

/** A word of an instruction's arguments, as written; offsets in the document. */
export interface Word {
  /** The text as written (quotes and escapes kept; continuations removed). */
  text: string;
  start: number;
  end: number;
}

export const INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD',
  'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;
export const INSTRUCTION_SET: ReadonlySet<string> = new Set(INSTRUCTIONS);

/** Flags each instruction accepts (Dockerfile frontend 1.x). */
export const KNOWN_FLAGS: Record<string, readonly string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'exclude', 'parents'],
  ADD: ['chown', 'chmod', 'link', 'exclude', 'checksum', 'keep-git-dir', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

/**
 * Everything derived from one instruction is computed once and kept here (instructions belong to one parse).
 */
interface Info {
  args?: Argument[];
  heredocs?: Heredoc[];
  trigger?: Instruction | null;
  span?: { start: number; end: number; text: string } | null;
  words?: Word[];
  exec?: ExecForm | 'invalid' | null;
  pairs?: Pair[];
  copy?: CopySpec;
}
/** Kept on the instruction itself: a property read is much cheaper than a WeakMap lookup, and rules ask often. */
const INFO = Symbol('devops-guidance.info');
function info(ins: Instruction): Info {
  const holder = ins as unknown as { [INFO]?: Info };
  return (holder[INFO] ??= {});
}

/** `ins.getArguments()`, computed once. */
export function argsOf(ins: Instruction): Argument[] {
  const i = info(ins);
  return (i.args ??= ins.getArguments());
}

/** The range of the arguments (flags excluded), or null. */
export function argsRangeOf(ins: Instruction): Range | null {
  const args = argsOf(ins);
  return args.length ? { start: args[0].getRange().start, end: args[args.length - 1].getRange().end } : null;
}

export function keyword(ins: Instruction): string {
  return ins.getKeyword();
}

export function flagsOf(ins: Instruction): Flag[] {
  return ins.getFlags();
}

export function flag(ins: Instruction, name: string): Flag | undefined {
  return flagsOf(ins).find((f) => f.getName() === name);
}

/** The instruction an ONBUILD wraps, or undefined. */
export function trigger(ins: Instruction): Instruction | undefined {
  if (ins.getKeyword() !== 'ONBUILD') return undefined;
  const i = info(ins);
  if (i.trigger === undefined) i.trigger = ins.getTriggerInstruction();
  return i.trigger ?? undefined;
}

const TRIGGER_LISTS = new WeakMap<readonly Instruction[], { ins: Instruction; onbuild?: Instruction }[]>();

/** The instruction itself and, for ONBUILD, the instruction it wraps (rules that hadolint also runs inside ONBUILD). */
export function withTriggers(instructions: Instruction[]): readonly { ins: Instruction; onbuild?: Instruction }[] {
  // a dozen rules ask for the same list of the same model: built once per instruction array
  const known = TRIGGER_LISTS.get(instructions);
  if (known) return known;
  const out: { ins: Instruction; onbuild?: Instruction }[] = [];
  TRIGGER_LISTS.set(instructions, out);
  for (const ins of instructions) {
    out.push({ ins });
    const t = trigger(ins);
    if (t) out.push({ ins: t, onbuild: ins });
  }
  return out;
}

export function offsetOf(m: DockerfileModel, r: Range['start']): number {
  return m.lines.offsetAt(r);
}

export function rangeOf(m: DockerfileModel, start: number, end: number): Range {
  return m.lines.rangeOf(start, end);
}

/** The words of the arguments (flags excluded), with offsets; heredoc bodies excluded. */
export function words(m: DockerfileModel, ins: Instruction): Word[] {
  const i = info(ins);
  return (i.words ??= computeWords(m, ins));
}
function computeWords(m: DockerfileModel, ins: Instruction): Word[] {
  const args = argsOf(ins);
  const limit = heredocBodyStart(m, ins);
  const out: Word[] = [];
  for (const a of args) {
    const start = m.lines.offsetAt(a.getRange().start);
    if (start >= limit) break;
    const end = m.lines.offsetAt(a.getRange().end);
    out.push({ text: a.getValue(), start, end });
  }
  return out;
}

/** Offset where the first heredoc body of the instruction starts (Infinity when none). */
export function heredocBodyStart(m: DockerfileModel, ins: Instruction): number {
  const hs = heredocsOf(ins);
  let min = Infinity;
  for (const h of hs) {
    const r = h.getContentRange() ?? h.getDelimiterRange();
    if (r) min = Math.min(min, m.lines.offsetAt(r.start));
    else {
      // an empty heredoc whose delimiter is on the next line, or an unterminated one: its body starts on the next line
      const line = ((h.getNameRange() as ReturnType<typeof h.getNameRange> | null | undefined)?.start.line ?? ins.getRange().start.line) + 1;
      min = Math.min(min, m.lines.offsetAt({ line, character: 0 }));
    }
  }
  return min;
}

export function heredocsOf(ins: Instruction): Heredoc[] {
  return ins.getHeredocs();
}

/** The raw text of the arguments (after flags) up to the end of the instruction or the first heredoc body. */
export function argsSpan(m: DockerfileModel, ins: Instruction): { start: number; end: number; text: string } | undefined {
  const i = info(ins);
  if (i.span === undefined) i.span = computeSpan(m, ins) ?? null;
  return i.span ?? undefined;
}
function computeSpan(m: DockerfileModel, ins: Instruction): { start: number; end: number; text: string } | undefined {
  // the words' own document offsets (a word starts and ends on a character boundary, never inside a CR LF pair,
  // so this is what converting their ranges back would give, without computing those ranges)
  const args = argsOf(ins);
  if (!args.length) return undefined;
  const start = args[0].start;
  let end = args[args.length - 1].end;
  const limit = heredocBodyStart(m, ins);
  if (limit < end) {
    end = limit;
    while (end > start && /[\r\n]/.test(m.text[end - 1])) end--;
  }
  return { start, end, text: m.text.slice(start, end) };
}

export interface ExecForm {
  /** The JSON strings, decoded. */
  values: string[];
  /** Each string token (quotes included), document offsets. */
  tokens: { start: number; end: number }[];
  open: number;
  close: number;
}

/**
 * The exec (JSON) form of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME, HEALTHCHECK CMD: an array of strings.
 * 'invalid' when the text is a JSON array holding something else than strings (a build error for RUN, CMD,
 * ENTRYPOINT and SHELL); undefined for shell form (including text that merely starts with `[`).
 */
export function execForm(m: DockerfileModel, ins: Instruction, from?: number): ExecForm | 'invalid' | undefined {
  const span = argsSpan(m, ins);
  if (!span) return undefined;
  if (from !== undefined) return parseExecForm(m.text, from, span.end, m.escapeChar);
  const i = info(ins);
  if (i.exec === undefined) i.exec = (span.text.includes('[') ? parseExecForm(m.text, span.start, span.end, m.escapeChar) : undefined) ?? null;
  return i.exec ?? undefined;
}

export function parseExecForm(text: string, start: number, end: number, esc: string): ExecForm | 'invalid' | undefined {
  let i = start;
  const skip = (): void => {
    for (;;) {
      while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) i++;
      if (text[i] === esc) {
        let j = i + 1;
        while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
        if (text[j] === '\n' || text[j] === '\r') {
          i = j;
          continue;
        }
      }
      // comment lines inside a continuation
      if (text[i] === '#' && (i === 0 || text[i - 1] === '\n' || /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i)))) {
        while (i < end && text[i] !== '\n') i++;
        continue;
      }
      break;
    }
  };
  skip();
  if (text[i] !== '[') return undefined;
  const open = i;
  i++;
  const values: string[] = [];
  const tokens: { start: number; end: number }[] = [];
  skip();
  if (text[i] === ']') {
    const close = i;
    i++;
    skip();
    return i >= end ? { values, tokens, open, close } : undefined;
  }
  for (;;) {
    skip();
    if (text[i] !== '"') return nonStringArray(text, open, end, esc);
    const s = i;
    i++;
    let v = '';
    let ok = false;
    while (i < end) {
      const c = text[i];
      if (c === '"') {
        ok = true;
        i++;
        break;
      }
      if (c === '\n' || c === '\r') return undefined; // the line ended inside the string without a continuation
      if (c === esc) {
        // a continuation inside a JSON string: BuildKit joins the lines before it parses the JSON (parser.go
        // trimContinuationCharacter), so the string goes on at the first following line that is neither blank nor
        // a comment, that line's leading blanks included
        const next = continuedAt(text, i, end, esc);
        if (next !== undefined) {
          i = next;
          continue;
        }
      }
      if (c === '\\') {
        const n = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          v += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        if (n !== undefined && map[n] !== undefined) {
          v += map[n];
          i += 2;
          continue;
        }
        return undefined;
      }
      if (c.charCodeAt(0) < 0x20) return undefined;
      v += c;
      i++;
    }
    if (!ok) return undefined;
    values.push(v);
    tokens.push({ start: s, end: i });
    skip();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') {
      const close = i;
      i++;
      skip();
      return i >= end ? { values, tokens, open, close } : undefined;
    }
    return undefined;
  }
}

/**
 * When the escape character at `i` ends its line as BuildKit's continuation pattern reads it (only blanks after it,
 * and not itself preceded by the escape character), the offset where the instruction goes on: the start of the next
 * line that is neither blank nor a comment. Otherwise undefined.
 */
function continuedAt(text: string, i: number, end: number, esc: string): number | undefined {
  if (i > 0 && text[i - 1] === esc) return undefined;
  let j = i + 1;
  while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
  if (j < end && text[j] !== '\n' && text[j] !== '\r') return undefined;
  for (;;) {
    const nl = text.indexOf('\n', j);
    if (nl < 0 || nl + 1 >= end) return undefined;
    j = nl + 1;
    let k = j;
    while (k < end && /[ \t\r\f\v]/.test(text[k])) k++;
    if (k >= end) return undefined;
    if (text[k] === '\n' || text[k] === '#') continue;
    return j;
  }
}

/** A `[` array that is valid JSON but holds something other than strings is a build error; other text is shell form. */
function nonStringArray(text: string, open: number, end: number, esc: string): 'invalid' | undefined {
  const joined = text
    .slice(open, end)
    .split(/\r?\n/)
    .map((l) => (l.endsWith(esc) ? l.slice(0, -1) : l))
    .join('');
  try {
    const v: unknown = JSON.parse(joined);
    if (Array.isArray(v) && v.some((x) => typeof x !== 'string')) return 'invalid';
  } catch {
    /* shell form */
  }
  return undefined;
}

/** COPY/ADD: sources and destination (exec or shell form), heredoc names excluded from sources. */
export interface CopySpec {
  sources: Word[];
  dest?: Word;
  /** Names of heredoc sources (`<<EOF`). */
  heredocs: Word[];
  json: boolean;
}

export function copySpec(m: DockerfileModel, ins: Instruction): CopySpec {
  const i = info(ins);
  return (i.copy ??= computeCopySpec(m, ins));
}
function computeCopySpec(m: DockerfileModel, ins: Instruction): CopySpec {
  const ef = execForm(m, ins);
  if (ef && ef !== 'invalid') {
    const ws = ef.values.map((v, k) => ({ text: v, start: ef.tokens[k].start, end: ef.tokens[k].end }));
    return { sources: ws.slice(0, -1), dest: ws[ws.length - 1], heredocs: [], json: true };
  }
  const ws = words(m, ins);
  const heredocs: Word[] = [];
  const rest: Word[] = [];
  for (const w of ws) {
    if (/^\d*<<-?\S/.test(w.text)) heredocs.push(w);
    else rest.push(w);
  }
  return { sources: rest.slice(0, -1), dest: rest[rest.length - 1], heredocs, json: false };
}

/** A `name=value` (or legacy `name value`) pair of ARG, ENV or LABEL. */
export interface Pair {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value as written (quotes kept), undefined for `ARG name`. */
  raw?: string;
  valueStart?: number;
  valueEnd?: number;
  /** Legacy `ENV name value` form. */
  legacy: boolean;
}

/**
 * Pairs of ARG, ENV and LABEL. ARG: every word is `name` or `name=value`. ENV/LABEL: `k=v ...`, or the legacy
 * `k rest-of-line` when the first word has no `=`. Names may be quoted in LABEL.
 */
export function pairs(m: DockerfileModel, ins: Instruction): Pair[] {
  const i = info(ins);
  return (i.pairs ??= computePairs(m, ins));
}
function computePairs(m: DockerfileModel, ins: Instruction): Pair[] {
  const kw = ins.getKeyword();
  const span = argsSpan(m, ins);
  if (!span) return [];
  const toks = splitWords(m.text, span.start, span.end, m.escapeChar);
  if (!toks.length) return [];
  const out: Pair[] = [];
  const first = toks[0];
  const firstEq = unquotedEq(m.text, first.start, first.end, m.escapeChar);
  if (kw !== 'ARG' && firstEq < 0) {
    // legacy: name, then the rest of the instruction
    const name = unquote(m.text.slice(first.start, first.end));
    const restStart = toks[1]?.start;
    out.push({
      name,
      nameStart: first.start,
      nameEnd: first.end,
      raw: restStart === undefined ? undefined : m.text.slice(restStart, blanksEnd(m.text, restStart, span.end)),
      valueStart: restStart,
      valueEnd: restStart === undefined ? undefined : trimEnd(m.text, restStart, span.end),
      legacy: true,
    });
    return out;
  }
  for (const t of toks) {
    const eq = unquotedEq(m.text, t.start, t.end, m.escapeChar);
    if (eq < 0) {
      out.push({ name: unquote(m.text.slice(t.start, t.end)), nameStart: t.start, nameEnd: t.end, legacy: false });
      continue;
    }
    out.push({
      name: unquote(m.text.slice(t.start, eq)),
      nameStart: t.start,
      nameEnd: eq,
      raw: m.text.slice(eq + 1, t.end),
      valueStart: eq + 1,
      valueEnd: t.end,
      legacy: false,
    });
  }
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The end of `text[start, end)` without its trailing spaces and tabs (a loop: /[ \t]+$/ backtracks quadratically). */
function blanksEnd(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

/** Offset of the first `=` outside quotes in [start, end), or -1. */
function unquotedEq(text: string, start: number, end: number, esc: string): number {
  let q = '';
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === esc && !q) {
      i++;
      continue;
    }
    if (q) {
      if (c === q) q = '';
      else if (c === esc && q === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '=') return i;
  }
  return -1;
}

/**
 * Splits [start, end) into words on unquoted whitespace, honouring quotes, the escape character and line
 * continuations (which separate nothing). Offsets are document offsets.
 */
export function splitWords(text: string, start: number, end: number, esc: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let ws = -1;
  let q = '';
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === esc) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '\n' || text[j] === '\r') {
        if (ws >= 0 && !q) {
          out.push({ start: ws, end: i });
          ws = -1;
        }
        i = text[j] === '\r' && text[j + 1] === '\n' ? j + 1 : j;
        // skip comment lines inside the continuation
        while (i + 1 < end) {
          let k = i + 1;
          while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
          if (text[k] !== '#') break;
          while (k < end && text[k] !== '\n') k++;
          i = k;
        }
        continue;
      }
      if (ws < 0) ws = i;
      if (q !== "'") i++;
      continue;
    }
    if (q) {
      if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === "'") {
      if (ws < 0) ws = i;
      q = c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (ws >= 0) {
        out.push({ start: ws, end: i });
        ws = -1;
      }
      continue;
    }
    if (ws < 0) ws = i;
  }
  if (ws >= 0) out.push({ start: ws, end });
  return out;
}

/** Replaces the keyword's letters with the given case; returns the edit's text. */
export function cased(word: string, upper: boolean): string {
  return upper ? word.toUpperCase() : word.toLowerCase();
}


/**
 * An ENV/ARG/LABEL value as the build sees it, variables left as written: quotes removed (nothing is special inside
 * single quotes; inside double quotes the escape character escapes `"`, itself and `$`), other escapes applied,
 * line continuations removed.
 */
export function unquoteValue(raw: string, esc: string): string {
  let out = '';
  let q = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === esc && !(q === "'")) {
      const n = raw[i + 1];
      if (n === undefined) break;
      if (n === '\n' || n === '\r') {
        i += n === '\r' && raw[i + 2] === '\n' ? 2 : 1;
        continue;
      }
      if (q === '"' && n !== '"' && n !== esc && n !== '$') out += c;
      out += n;
      i++;
      continue;
    }
    if (q) {
      if (c === q) q = '';
      else out += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      continue;
    }
    out += c;
  }
  return out;
}
