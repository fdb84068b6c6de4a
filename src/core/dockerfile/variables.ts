/**
 * Dockerfile variable substitution, as BuildKit's word lexer does it for FROM, ARG, ENV, LABEL, COPY, ADD, WORKDIR,
 * USER, VOLUME, EXPOSE and STOPSIGNAL: `$name`, `${name}`, `${name:-word}`, `${name-word}`, `${name:+word}`,
 * `${name+word}`, `${name:?msg}`, `${name?msg}`, `${name#pat}`, `${name##pat}`, `${name%pat}`, `${name%%pat}`,
 * `${name/pat/rep}`, `${name//pat/rep}`; quotes (single: literal; double: the escape character only escapes `"`, `$`
 * and itself) and the escape character. Anything else after the name (`${x:=y}`, `${x=y}`, `${x:#y}`) is an
 * unsupported modifier, a build error.
 *
 * Values that cannot be known when linting (an ARG without a default, a platform ARG) expand to the UNKNOWN
 * character, so callers can tell "empty" from "unknown". Every output character keeps the source span it came from,
 * so a finding about part of an expanded value (the tag of `${IMAGE}`) can still point at the right text.
 */

/** Stands for one unknown piece of an expanded value. */
export const UNKNOWN = '\uFFFF';

/** What a variable is bound to at some point of the file. `value` undefined means: declared, value not knowable. */
export interface Binding {
  value: string | undefined;
  kind: 'arg' | 'env' | 'global-arg' | 'predefined';
  /** Where the name was declared (absent for predefined ARGs). */
  line?: number;
}

export type Lookup = (name: string) => Binding | undefined;

export interface VarRef {
  name: string;
  /** Offsets in the document (or in the expanded source string plus `base`). */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  braced: boolean;
  /** `-`, `:-`, `+`, `:+`, `?`, `:?`, `#`, `##`, `%`, `%%`, `/`, `//`, or the unsupported text; undefined for plain refs. */
  modifier?: string;
  /** True for a modifier Docker rejects. */
  unsupported?: boolean;
  /** How it resolved: 'unset' (no binding), 'unknown' (binding without a knowable value), 'known'. */
  state: 'unset' | 'unknown' | 'known';
}

export interface ExpandProblem {
  message: string;
  start: number;
  end: number;
}

export interface Expansion {
  /** The expanded text; unknown pieces are UNKNOWN characters. */
  value: string;
  /** For each character of `value`, the source span (document offsets) it came from. */
  srcStart: number[];
  srcEnd: number[];
  refs: VarRef[];
  problems: ExpandProblem[];
}

export interface ExpandOptions {
  escapeChar: string;
  /** Quote removal (true for every instruction that expands words). Default true. */
  quotes?: boolean;
  /**
   * Per-character source spans (srcStart, srcEnd). Default true; expandValue turns them off: building them for every
   * character of a long value made `ENV PATH /x:$PATH` repeated 1,900 times take 3 s (found by the fuzzer).
   */
  spans?: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL = '@*#?$!-';

/** True when the text might contain a variable reference (cheap pre-check). */
export function hasDollar(text: string): boolean {
  return text.includes('$');
}

/**
 * The value `expand` gives, without the per-character source spans: plain text (no `$`, quote, escape character or
 * line break) is its own value, and costs nothing.
 */
export function expandValue(src: string, base: number, lookup: Lookup, options: ExpandOptions): string {
  return isPlain(src, options.escapeChar, options.quotes !== false) ? src : expand(src, base, lookup, { ...options, spans: false }).value;
}

/** No `$`, escape character, line break, or (when quotes are removed) quote: the text expands to itself. */
function isPlain(src: string, esc: string, quotes: boolean): boolean {
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '$' || c === esc || c === '\n' || c === '\r' || (quotes && (c === '"' || c === "'"))) return false;
  }
  return true;
}

/**
 * Expands `src` (which starts at document offset `base`) against `lookup`.
 * Never throws; malformed substitutions become problems and unknown output.
 */
/** Nesting depth of `${...}` inside `${...}` that is expanded; deeper text is an unknown value (see dollar()). */
export const MAX_EXPANSION_DEPTH = 100;

export function expand(src: string, base: number, lookup: Lookup, options: ExpandOptions): Expansion {
  const esc = options.escapeChar;
  const quotes = options.quotes !== false;
  // nothing to expand, remove or join: each character is its own source (spans built only if read)
  if (isPlain(src, esc, quotes)) return new PlainExpansion(src, base);
  const out: Expansion = { value: '', srcStart: [], srcEnd: [], refs: [], problems: [] };
  let i = 0;
  const chars: string[] = [];
  const spans = options.spans !== false;

  function emit(s: string, start: number, end: number): void {
    if (!spans) {
      chars.push(s);
      return;
    }
    for (let k = 0; k < s.length; k++) {
      chars.push(s[k]);
      out.srcStart.push(base + start);
      out.srcEnd.push(base + end);
    }
  }

  /** Emits src[from, to), each character its own source. */
  function emitRun(from: number, to: number): void {
    if (!spans) {
      chars.push(src.slice(from, to));
      return;
    }
    for (let k = from; k < to; k++) {
      chars.push(src[k]);
      out.srcStart.push(base + k);
      out.srcEnd.push(base + k + 1);
    }
  }

  /** Skips a line continuation at `i` (escape char, optional blanks, newline); returns true when one was skipped. */
  function continuation(): boolean {
    if (src[i] !== esc) return false;
    let j = i + 1;
    while (src[j] === ' ' || src[j] === '\t') j++;
    if (src[j] === '\r' && src[j + 1] === '\n') j += 2;
    else if (src[j] === '\n' || src[j] === '\r') j++;
    else return false;
    // Docker drops comment lines and empty lines inside a continuation
    for (;;) {
      let k = j;
      while (src[k] === ' ' || src[k] === '\t') k++;
      if (src[k] === '#' || src[k] === '\n' || src[k] === '\r') {
        if (src[k] === '#') while (k < src.length && src[k] !== '\n' && src[k] !== '\r') k++;
        if (k >= src.length) break;
        if (src[k] === '\r' && src[k + 1] === '\n') k += 2;
        else k++;
        j = k;
        continue;
      }
      break;
    }
    i = j;
    return true;
  }

  /** Reads a `${...}` word up to the closing brace; returns its expansion pieces as a nested Expansion. */
  function word(stop: string, inDouble: boolean): { text: string; starts: number[]; ends: number[]; closed: boolean } {
    const text: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const push = (s: string, a: number, b: number): void => {
      for (let k = 0; k < s.length; k++) {
        text.push(s[k]);
        starts.push(base + a);
        ends.push(base + b);
      }
    };
    while (i < src.length) {
      const c = src[i];
      if (c === stop) {
        i++;
        return { text: text.join(''), starts, ends, closed: true };
      }
      if (continuation()) continue;
      if (c === esc) {
        if (i + 1 < src.length) {
          push(src[i + 1], i, i + 2);
          i += 2;
        } else {
          push(c, i, i + 1);
          i++;
        }
        continue;
      }
      if (c === '$') {
        const r = dollar(inDouble);
        if (!spans) {
          text.push(r.text);
          continue;
        }
        for (let k = 0; k < r.text.length; k++) {
          text.push(r.text[k]);
          starts.push(r.start);
          ends.push(r.end);
        }
        continue;
      }
      if (quotes && !inDouble && c === "'") {
        const s = i;
        i++;
        while (i < src.length && src[i] !== "'") {
          push(src[i], i, i + 1);
          i++;
        }
        if (i >= src.length) out.problems.push({ message: 'unterminated single quote', start: base + s, end: base + src.length });
        else i++;
        continue;
      }
      if (quotes && c === '"') {
        // a double-quoted part of the word: quotes removed, `$` still expanded
        inDouble = !inDouble;
        i++;
        continue;
      }
      push(c, i, i + 1);
      i++;
    }
    return { text: text.join(''), starts, ends, closed: false };
  }

  /**
   * `${a:-${b:-...}}` is read recursively (dollar → word → dollar): past this depth the rest of the text is taken
   * as one unknown value instead of overflowing the stack (real files nest two or three levels; the fuzzer found a
   * line nesting 6,000 deep, which made seven rules fail).
   */
  let depth = 0;
  function dollar(inDouble: boolean): { text: string; start: number; end: number } {
    if (depth >= MAX_EXPANSION_DEPTH) {
      // skip this reference by counting braces, without recursion (escapes and quotes inside are not told apart)
      const start = i;
      i++; // $
      if (src[i] === '{') {
        let open = 0;
        while (i < src.length) {
          const c = src[i++];
          if (c === '{') open++;
          else if (c === '}' && --open === 0) break;
        }
      }
      return { text: UNKNOWN, start: base + start, end: base + i };
    }
    depth++;
    try {
      return dollarAt(inDouble);
    } finally {
      depth--;
    }
  }

  /** At a `$`: returns the text it expands to and the document span of the whole reference. */
  function dollarAt(inDouble: boolean): { text: string; start: number; end: number } {
    const start = i;
    i++; // $
    if (src[i] !== '{') {
      let name = '';
      const nameStart = i;
      if (i < src.length && (/[0-9]/.test(src[i]) || SPECIAL.includes(src[i]))) {
        name = src[i];
        i++;
      } else {
        while (i < src.length && NAME_CHAR.test(src[i]) && (name.length || NAME_START.test(src[i]))) name += src[i++];
      }
      if (!name) return { text: '$', start: base + start, end: base + i };
      const ref = makeRef(name, start, i, nameStart, i, false);
      return { text: valueOf(ref), start: base + start, end: base + i };
    }
    i++; // {
    const c = src[i];
    if (i >= src.length) {
      out.problems.push({ message: "missing '}' in variable substitution", start: base + start, end: base + src.length });
      return { text: UNKNOWN, start: base + start, end: base + i };
    }
    if (c === '{' || c === '}' || c === ':') {
      out.problems.push({ message: 'bad substitution', start: base + start, end: base + Math.min(src.length, i + 1) });
      skipToBrace();
      return { text: UNKNOWN, start: base + start, end: base + i };
    }
    const nameStart = i;
    let name = '';
    if (/[0-9]/.test(c) || SPECIAL.includes(c)) name = src[i++];
    else while (i < src.length && NAME_CHAR.test(src[i])) name += src[i++];
    const nameEnd = i;
    if (!name) {
      out.problems.push({ message: 'bad substitution', start: base + start, end: base + Math.min(src.length, i + 1) });
      skipToBrace();
      return { text: UNKNOWN, start: base + start, end: base + i };
    }
    if (i >= src.length) {
      out.problems.push({ message: "missing '}' in variable substitution", start: base + start, end: base + src.length });
      return { text: UNKNOWN, start: base + start, end: base + i };
    }
    let ch = src[i++];
    if (ch === '}') {
      const ref = makeRef(name, start, i, nameStart, nameEnd, true);
      return { text: valueOf(ref), start: base + start, end: base + i };
    }
    let mod = ch;
    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = src[i++] ?? '';
      mod += ch;
    }
    const supported = nullIsUnset ? '-+?'.includes(ch) && ch !== '' : '-+?#%/'.includes(ch);
    if (!supported) {
      const ref = makeRef(name, start, i, nameStart, nameEnd, true);
      ref.modifier = mod;
      ref.unsupported = true;
      skipToBrace();
      ref.end = base + i;
      out.problems.push({ message: `unsupported modifier (${mod}) in substitution`, start: base + start, end: base + i });
      return { text: UNKNOWN, start: base + start, end: base + i };
    }
    if ((ch === '#' || ch === '%' || ch === '/') && src[i] === ch) {
      mod += ch;
      i++;
    }
    const w = word('}', inDouble);
    const ref = makeRef(name, start, i, nameStart, nameEnd, true);
    ref.modifier = mod;
    if (!w.closed) {
      out.problems.push({ message: "missing '}' in variable substitution", start: base + start, end: base + src.length });
      return { text: UNKNOWN, start: base + start, end: base + i };
    }
    const b = lookup(name);
    const v = b ? b.value : '';
    const set = !!b;
    switch (ch) {
      case '-':
        if (v === undefined) return { text: UNKNOWN, start: base + start, end: base + i };
        return { text: !set || (nullIsUnset && v === '') ? w.text : v, start: base + start, end: base + i };
      case '+':
        if (v === undefined) return { text: UNKNOWN, start: base + start, end: base + i };
        return { text: !set || (nullIsUnset && v === '') ? '' : w.text, start: base + start, end: base + i };
      case '?':
        return { text: v === undefined ? UNKNOWN : v, start: base + start, end: base + i };
      default:
        // pattern removal and replacement: only computed for known values without patterns
        if (v === undefined || v.includes(UNKNOWN) || w.text.includes(UNKNOWN)) return { text: UNKNOWN, start: base + start, end: base + i };
        return { text: patternOp(v, mod, w.text), start: base + start, end: base + i };
    }
  }

  function skipToBrace(): void {
    while (i < src.length && src[i] !== '}') i++;
    if (i < src.length) i++;
  }

  function makeRef(name: string, s: number, e: number, ns: number, ne: number, braced: boolean): VarRef {
    const b = lookup(name);
    const ref: VarRef = {
      name,
      start: base + s,
      end: base + e,
      nameStart: base + ns,
      nameEnd: base + ne,
      braced,
      state: !b ? 'unset' : b.value === undefined ? 'unknown' : 'known',
    };
    out.refs.push(ref);
    return ref;
  }

  function valueOf(ref: VarRef): string {
    const b = lookup(ref.name);
    if (!b) return '';
    return b.value === undefined ? UNKNOWN : b.value;
  }

  while (i < src.length) {
    const c = src[i];
    if (continuation()) continue;
    if (c === '$') {
      const r = dollar(false);
      emit(r.text, r.start - base, r.end - base);
      continue;
    }
    if (c === esc) {
      if (i + 1 < src.length) {
        emit(src[i + 1], i, i + 2);
        i += 2;
      } else {
        emit(c, i, i + 1);
        i++;
      }
      continue;
    }
    if (quotes && c === "'") {
      const s = i;
      i++;
      while (i < src.length && src[i] !== "'") {
        emit(src[i], i, i + 1);
        i++;
      }
      if (i >= src.length) out.problems.push({ message: 'unterminated single quote', start: base + s, end: base + src.length });
      else i++;
      continue;
    }
    if (quotes && c === '"') {
      const s = i;
      i++;
      let closed = false;
      while (i < src.length) {
        const d = src[i];
        if (d === '"') {
          i++;
          closed = true;
          break;
        }
        if (continuation()) continue;
        if (d === esc && (src[i + 1] === '"' || src[i + 1] === '$' || src[i + 1] === esc)) {
          emit(src[i + 1], i, i + 2);
          i += 2;
          continue;
        }
        if (d === '$') {
          const r = dollar(true);
          emit(r.text, r.start - base, r.end - base);
          continue;
        }
        // a run of characters that stand for themselves, at once
        let j = i + 1;
        while (j < src.length && src[j] !== '"' && src[j] !== '$' && src[j] !== esc) j++;
        emitRun(i, j);
        i = j;
      }
      if (!closed) out.problems.push({ message: 'unterminated double quote', start: base + s, end: base + src.length });
      continue;
    }
    // a run of characters that stand for themselves, at once
    let j = i + 1;
    while (j < src.length) {
      const d = src[j];
      if (d === '$' || d === esc || (quotes && (d === '"' || d === "'"))) break;
      j++;
    }
    emitRun(i, j);
    i = j;
  }
  out.value = chars.join('');
  return out;
}

/** `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}`, `${v/p/r}`, `${v//p/r}` with `*` and `?` wildcards. */
function patternOp(value: string, mod: string, arg: string): string {
  if (mod === '/' || mod === '//') {
    const slash = arg.indexOf('/');
    const pat = slash < 0 ? arg : arg.slice(0, slash);
    const rep = slash < 0 ? '' : arg.slice(slash + 1);
    if (!pat) return value;
    const re = globRegExp(pat, mod === '//' ? 'g' : '');
    return value.replace(re, () => rep);
  }
  const greedy = mod.length === 2;
  const fromStart = mod[0] === '#';
  const re = globSource(arg);
  let best: number | undefined;
  if (fromStart) {
    for (let n = 0; n <= value.length; n++) {
      if (new RegExp(`^(?:${re})$`, 's').test(value.slice(0, n))) {
        best = n;
        if (!greedy) break;
      }
    }
    return best === undefined ? value : value.slice(best);
  }
  for (let n = value.length; n >= 0; n--) {
    if (new RegExp(`^(?:${re})$`, 's').test(value.slice(n))) {
      best = n;
      if (!greedy) break;
    }
  }
  return best === undefined ? value : value.slice(0, best);
}

function globSource(p: string): string {
  let s = '';
  for (let k = 0; k < p.length; k++) {
    const c = p[k];
    if (c === '*') s += '.*?';
    else if (c === '?') s += '.';
    else if (c === '\\' && k + 1 < p.length) s += escapeRe(p[++k]);
    else s += escapeRe(c);
  }
  return s;
}

function globRegExp(p: string, flags: string): RegExp {
  return new RegExp(globSource(p).replace(/\.\*\?/g, '.*'), flags + 's');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The expansion of a plain text (no `$`, quote, escape or line break): its value is the text, character k came from
 * document offset base + k. Most expanded words are plain; their per-character spans (two arrays as long as the
 * text) are built only when read, and sourceSpan / fromVariable answer without them.
 */
class PlainExpansion implements Expansion {
  readonly refs: VarRef[] = [];
  readonly problems: ExpandProblem[] = [];
  private starts?: number[];
  private ends?: number[];
  constructor(
    readonly value: string,
    readonly base: number,
  ) {}
  get srcStart(): number[] {
    return (this.starts ??= Array.from({ length: this.value.length }, (_, k) => this.base + k));
  }
  get srcEnd(): number[] {
    return (this.ends ??= Array.from({ length: this.value.length }, (_, k) => this.base + k + 1));
  }
}

/** The document span of `value[from, to)` of an expansion (to > from). */
export function sourceSpan(x: Expansion, from: number, to: number): { start: number; end: number } | undefined {
  if (to <= from || from < 0 || to > x.value.length) return undefined;
  if (x instanceof PlainExpansion) return { start: x.base + from, end: x.base + to };
  let start = Infinity;
  let end = -Infinity;
  for (let k = from; k < to; k++) {
    if (x.srcStart[k] < start) start = x.srcStart[k];
    if (x.srcEnd[k] > end) end = x.srcEnd[k];
  }
  return { start, end };
}

/** True when any character of `value[from, to)` came from a variable reference. */
export function fromVariable(x: Expansion, from: number, to: number): boolean {
  if (x instanceof PlainExpansion) return false;
  for (let k = from; k < to; k++) if (x.srcEnd[k] - x.srcStart[k] !== 1) return true;
  return false;
}
