/** Values as the server reads them: booleans, numbers with size suffixes, enums and sets. */
import type { MysqlTarget } from './targets';
import type { CnfOption } from './model';
import { NEGATION_ALIAS_MAP } from './names';
import { isPlaceholderValue } from '../template/read';
import { ownCopy } from '../text';

const TRUE_WORDS = new Set(['on', 'true', '1']);
const FALSE_WORDS = new Set(['off', 'false', '0']);

/** A canonical boolean word (ON/OFF/TRUE/FALSE/1/0, any case) → its value; anything else → undefined. */
export function parseBool(v: string): boolean | undefined {
  const l = v.toLowerCase();
  if (TRUE_WORDS.has(l)) return true;
  if (FALSE_WORDS.has(l)) return false;
  return undefined;
}

/** Words people use for yes/no that the server does not understand (it sets such a boolean OFF). */
export function likelyIntent(v: string): boolean | undefined {
  const l = v.trim().toLowerCase();
  if (/^(yes|y|enable|enabled|active|set|t)$/.test(l) || /^[+]?[2-9]\d*$/.test(l) || /^-1$/.test(l)) return true;
  if (/^(no|n|disable|disabled|none|inactive|unset|f|)$/.test(l)) return false;
  return undefined;
}

/**
 * The boolean an option sets, from its modifiers and value, as my_getopt decides it:
 * `x` and `enable-x` → ON; `skip-x` / `disable-x` → OFF unless their value is exactly `0` (a double negation);
 * `x=V` → V when V is a canonical boolean word; any other word → OFF (the server warns and sets OFF).
 */
export function boolOf(o: CnfOption): boolean | undefined {
  // a template expression (`slow_query_log = {{ x }}`) or a placeholder: the value is unknown, never OFF
  if (o.hasValue && isTemplated(o.value)) return undefined;
  const neg = o.prefixes.includes('skip') || o.prefixes.includes('disable') || NEGATION_ALIAS_MAP.has(o.norm.toLowerCase());
  const en = o.prefixes.includes('enable');
  if (neg) return o.hasValue && o.value === '0';
  if (en) return !(o.hasValue && o.value === '0');
  if (!o.hasValue) return true;
  return parseBool(o.value ?? '') ?? false;
}


export interface NumberReading {
  /** The number the server computes (suffix applied). */
  value: number;
  /** The suffix letter used, if any. */
  suffix?: string;
  /** Characters after the suffix that the server ignores (`1GB` → `B`). */
  ignored?: string;
  negative: boolean;
  empty: boolean;
}

export type NumberError = { error: 'suffix'; char: string } | { error: 'overflow' } | { error: 'decimal' };

const MULT: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5, e: 1024 ** 6 };

/** Suffix letters the target accepts: MySQL before 8.0.14 only K, M and G. */
export function suffixesFor(target: MysqlTarget): string {
  return target.endsWith('-5.7') ? 'kmg' : 'kmgtpe';
}

/**
 * An integer as `eval_num_suffix()` reads it: strtoll (blanks, sign, digits), then only the first character after
 * the digits is looked at (a suffix letter, or an error for anything else). No digits at all reads as 0.
 */
export function parseInteger(v: string, target: MysqlTarget): NumberReading | NumberError {
  // read by hand (no match array, no substrings but the digits): every numeric option of every lint comes here
  const len = v.length;
  let k = 0;
  while (k < len) {
    const c = v.charCodeAt(k);
    if (c === 32 || (c >= 9 && c <= 13)) k++;
    else break;
  }
  let sign = '';
  if (k < len && (v.charCodeAt(k) === 43 || v.charCodeAt(k) === 45)) sign = v[k++];
  const ds = k;
  while (k < len && v.charCodeAt(k) >= 48 && v.charCodeAt(k) <= 57) k++;
  const nd = k - ds;
  let n = 0;
  if (nd) {
    const digits = v.slice(ds, k);
    n = Number(digits);
    if (nd >= 20 && BigInt(digits) > 18446744073709551615n) return { error: 'overflow' };
  }
  const out: NumberReading = { value: 0, negative: sign === '-' && n !== 0, empty: !nd && k === len };
  if (k < len) {
    const c = v[k];
    const mult = suffixesFor(target).includes(c.toLowerCase()) ? MULT[c.toLowerCase()] : undefined;
    if (!mult) return c === '.' || c === ',' ? { error: 'decimal' } : { error: 'suffix', char: c };
    n *= mult;
    out.suffix = c;
    if (k + 1 < len) out.ignored = v.slice(k + 1);
  }
  out.value = sign === '-' ? -n : n;
  return out;
}

/** A decimal (long_query_time): my_strtod must consume the whole value; no suffixes. */
export function parseDecimal(v: string): number | undefined {
  const t = v.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Byte count in the largest exact unit: 1073741824 → "1G", 100663296 → "96M". */
export function formatSize(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return String(n);
  for (const [u, m] of [['T', 1024 ** 4], ['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]] as const) {
    if (n % m === 0) return `${n / m}${u}`;
  }
  return String(n);
}

/** Human size with one decimal: 4244635648 → "3.95 GiB". */
export function humanSize(n: number): string {
  const units: [string, number][] = [['TiB', 1024 ** 4], ['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]];
  for (const [u, m] of units) if (n >= m) return `${Number((n / m).toFixed(2))} ${u}`;
  return `${n} bytes`;
}

/**
 * An enum value as find_type() matches it: the full name (any case), an unambiguous prefix, or the value's number.
 * Returns the canonical value, or undefined when the server rejects it.
 */
export function matchEnum(v: string, values: string[]): { value: string; how: 'exact' | 'prefix' | 'number' } | undefined {
  const l = v.trim().toLowerCase();
  const lower = lowerValues(values);
  const at = lower.indexOf(l);
  if (at >= 0) return { value: values[at], how: 'exact' };
  if (/^\d+$/.test(l)) {
    const i = Number(l);
    return i < values.length ? { value: values[i], how: 'number' } : undefined;
  }
  if (!l) return undefined;
  const pre = values.filter((_, i) => lower[i].startsWith(l));
  return pre.length === 1 ? { value: pre[0], how: 'prefix' } : undefined;
}

const lowerCache = new WeakMap<string[], string[]>();

/** An enum's values in lower case, once per list (the reference's lists are shared and never change). */
function lowerValues(values: string[]): string[] {
  let l = lowerCache.get(values);
  if (!l) lowerCache.set(values, (l = values.map((x) => x.toLowerCase())));
  return l;
}

/** The elements of a set value that the server does not know (empty list: all fine). */
export function unknownSetElements(v: string, values: string[]): string[] {
  const t = v.trim();
  if (!t || /^\d+$/.test(t)) return [];
  const known = new Set(values.map((x) => x.toLowerCase()));
  return t
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && !known.has(s.toLowerCase()));
}

const VALUE_WORDS = new Set(['ON', 'OFF', 'TRUE', 'FALSE', 'YES', 'NO', 'NONE', 'ALL', 'DEFAULT', 'AUTO', 'MAX', 'MIN', 'NULL', 'UNLIMITED', 'ROW', 'FILE', 'TABLE']);

/**
 * A value that a template or a script fills in later: `{{ port }}`, `${PORT}`, `<%= port %>`, `@PORT@`, `%(port)s`,
 * or a bare upper-case word where a number or a path belongs (percona-toolkit's sandbox files use `PORT`).
 * Rules stay silent on such values: the real value is not known.
 */
export function isTemplated(v: string | undefined): boolean {
  if (!v) return false;
  // asked by many rules about the same values: short ones are remembered (bounded, as values are typed in an editor)
  const cacheable = v.length <= MAX_CACHED_VALUE;
  let t = cacheable ? templatedCache.get(v) : undefined;
  if (t === undefined) {
    t = /\{\{.*\}\}|\{%.*%\}|<%.*%>|\$\{\w+\}|\$[A-Z_][A-Z0-9_]*\b|^@\w+@$|%\(\w+\)s/.test(v) || isPlaceholderValue(v);
    if (cacheable) {
      if (templatedCache.size >= 4096) templatedCache.clear();
      templatedCache.set(ownCopy(v), t);
    }
  }
  return t;
}
const MAX_CACHED_VALUE = 256;

const templatedCache = new Map<string, boolean>();

/** An upper-case placeholder word where a number is expected (`server-id = PORT`). */
export function isPlaceholderWord(v: string | undefined): boolean {
  const t = v?.trim() ?? '';
  return /^[A-Z][A-Z0-9_]{2,}$/.test(t) && !/\d/.test(t.slice(0, 1)) && !VALUE_WORDS.has(t);
}

/** A numeric setting's value (integer or size) as a number; undefined when absent, unreadable or a placeholder. */
export function numOf(o: CnfOption | undefined, target: MysqlTarget): number | undefined {
  if (!o || !o.hasValue || o.value === undefined) return undefined;
  if (isTemplated(o.value) || isPlaceholderWord(o.value)) return undefined;
  const r = parseInteger(o.value, target);
  return 'error' in r || r.empty ? undefined : r.value;
}

/** Upper-cased value (enum comparisons); undefined when absent. */
export function upperOf(o: CnfOption | undefined): string | undefined {
  return o?.value?.trim().toUpperCase();
}
