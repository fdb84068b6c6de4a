/**
 * getopt-style option parsing for the programs the rules care about: which words are options, which option
 * takes the next word as its value, and which words are operands (packages, URLs, files). Each program has a
 * spec; a word is never both an option value and a package.
 */
import type { Word } from './script';

export interface OptionSpec {
  /** Short options (one letter) that take a value: attached (`-ofoo`) or the next word. */
  shortValued?: string;
  /** Long options that take a value: `--opt=value` or the next word. */
  longValued?: readonly string[];
  /** Single-dash long options (`-ldflags`, go and find style); they take a value when listed here. */
  singleDashValued?: readonly string[];
  /** Short options are single letters that may be clustered (`-yq`). False for go-style `-flag` words. */
  clusters?: boolean;
  /** wget's two-letter `-n?` options (`-nv`, `-nc`). */
  nPrefix?: boolean;
  /** Options whose next word is consumed when it does not start with `-` (npm's unknown config keys). */
  unknownLongTakesValue?: boolean;
  /** Long options known to take no value (used with unknownLongTakesValue). */
  longBoolean?: readonly string[];
}

export interface ParsedOption {
  /** The option without its value: `-y`, `--no-cache`, `-ldflags`. */
  name: string;
  word: Word;
  /** Character offset of the option inside its word (cluster letters). */
  offset: number;
  value?: string;
  valueWord?: Word;
}

export interface ParsedArgs {
  options: ParsedOption[];
  operands: Word[];
  /** Operands that follow an option this parser could not classify (may be its value). */
  doubtful: Set<Word>;
}

interface SpecSets {
  longValued: ReadonlySet<string>;
  longBoolean: ReadonlySet<string>;
  singleDash: ReadonlySet<string>;
}
const specSets = new WeakMap<OptionSpec, SpecSets>();

/** The spec's option lists as sets, built once per spec (specs are constants). */
function setsOf(spec: OptionSpec): SpecSets {
  let s = specSets.get(spec);
  if (!s) {
    s = { longValued: new Set(spec.longValued ?? []), longBoolean: new Set(spec.longBoolean ?? []), singleDash: new Set(spec.singleDashValued ?? []) };
    specSets.set(spec, s);
  }
  return s;
}

/** Splits arguments into options (with values) and operands. Parsing never stops at the first operand. */
export function parseOptions(args: readonly Word[], spec: OptionSpec): ParsedArgs {
  const options: ParsedOption[] = [];
  const operands: Word[] = [];
  const doubtful = new Set<Word>();
  const { longValued, longBoolean, singleDash } = setsOf(spec);
  const clusters = spec.clusters ?? true;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const t = w.text;
    if (t === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!t.startsWith('-') || t === '-' || !w.literal && !/^-[A-Za-z-]/.test(t)) {
      operands.push(w);
      continue;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq >= 0 ? t.slice(0, eq) : t;
      if (eq >= 0) {
        options.push({ name, word: w, offset: 0, value: t.slice(eq + 1) });
      } else if (longValued.has(name) && i + 1 < args.length) {
        options.push({ name, word: w, offset: 0, value: args[i + 1].text, valueWord: args[i + 1] });
        i++;
      } else {
        options.push({ name, word: w, offset: 0 });
        if (spec.unknownLongTakesValue && !longBoolean.has(name) && !longValued.has(name) && i + 1 < args.length) {
          const next = args[i + 1];
          if (!next.text.startsWith('-')) doubtful.add(next);
        }
      }
      continue;
    }
    if (!clusters) {
      const eq = t.indexOf('=');
      const name = eq >= 0 ? t.slice(0, eq) : t;
      if (eq >= 0) options.push({ name, word: w, offset: 0, value: t.slice(eq + 1) });
      else if (singleDash.has(name) && i + 1 < args.length) {
        options.push({ name, word: w, offset: 0, value: args[i + 1].text, valueWord: args[i + 1] });
        i++;
      } else options.push({ name, word: w, offset: 0 });
      continue;
    }
    if (spec.nPrefix && /^-n[a-zA-Z]$/.test(t)) {
      options.push({ name: t, word: w, offset: 0 });
      continue;
    }
    // a cluster of short options; a valued letter takes the rest of the word or the next word
    const shortValued = spec.shortValued ?? '';
    for (let k = 1; k < t.length; k++) {
      const ch = t[k];
      if (ch === '=' && k > 1) {
        const last = options[options.length - 1];
        if (last && last.word === w) last.value = t.slice(k + 1);
        break;
      }
      const name = '-' + ch;
      if (shortValued.includes(ch)) {
        if (k + 1 < t.length) {
          options.push({ name, word: w, offset: k, value: t.slice(k + 1) });
        } else if (i + 1 < args.length) {
          options.push({ name, word: w, offset: k, value: args[i + 1].text, valueWord: args[i + 1] });
          i++;
        } else options.push({ name, word: w, offset: k });
        break;
      }
      options.push({ name, word: w, offset: k });
    }
  }
  return { options, operands, doubtful };
}

const PARSED = Symbol('devops-guidance.parsed');

/**
 * `parseOptions(args, spec)` computed once per argument list and spec, kept on the list (a command's `args`, which
 * never changes after the analysis). Do not modify the result.
 */
export function optionsOf(args: readonly Word[], spec: OptionSpec): ParsedArgs {
  const holder = args as readonly Word[] & { [PARSED]?: Map<OptionSpec, ParsedArgs> };
  const m = (holder[PARSED] ??= new Map());
  let p = m.get(spec);
  if (!p) m.set(spec, (p = parseOptions(args, spec)));
  return p;
}

export function hasOption(p: ParsedArgs, ...names: string[]): ParsedOption | undefined {
  return p.options.find((o) => names.includes(o.name));
}
