/**
 * What a template's guard means for an option file: the conditions of Ansible roles, Puppet modules and Chef
 * cookbooks that choose lines by server flavor or version (`mysql_daemon == 'mariadb'`,
 * `mysql_version is version('8.0', '>=')`, `versioncmp($mysql_version, '8.0') >= 0`, `@mariadb`...). A condition is
 * evaluated for one target: true, false, or undefined when it says nothing we can decide (an OS check, a user flag).
 */
import { guardsAt, type Guard } from '../template/read';
import type { ParsedFiles } from './parse';
import type { CnfOption } from './model';
import { compareVersions, flavorOf } from './groups';
import type { MysqlTarget } from './targets';

type Tri = boolean | undefined;

/** The version series of a target: `mysql-8.4` → `8.4`. */
function seriesOf(t: MysqlTarget): string {
  return t.slice(t.indexOf('-') + 1);
}

function productFamily(t: MysqlTarget): 'mysql' | 'mariadb' | 'percona' {
  if (flavorOf(t) === 'mariadb') return 'mariadb';
  return t.startsWith('mysql') ? 'mysql' : 'percona';
}

const OPS: Record<string, (c: number) => boolean> = {
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '<': (c) => c < 0,
  '==': (c) => c === 0,
  '!=': (c) => c !== 0,
  ge: (c) => c >= 0,
  gt: (c) => c > 0,
  le: (c) => c <= 0,
  lt: (c) => c < 0,
  eq: (c) => c === 0,
  ne: (c) => c !== 0,
};

/** `series op version` for a whole series (8.4 stands for every 8.4.x): undefined when the patch level decides. */
function compareSeries(series: string, op: string, version: string): Tri {
  const f = OPS[op];
  if (!f) return undefined;
  const parts = version.split('.');
  if (parts.length > 2 && parts.slice(0, 2).join('.') === series) return undefined;
  const c = compareVersions(series, parts.slice(0, 2).join('.'));
  if (c === 0 && (op === '==' || op === 'eq')) return parts.length > 2 ? undefined : true;
  return f(c);
}

/** Which server's version a variable holds, from its name: undefined when it is no server version. */
function versionVariable(name: string): 'mysql' | 'mariadb' | 'any' | undefined {
  const n = name.toLowerCase();
  if (!/ver(sion)?/.test(n)) return undefined;
  if (/mariadb|galera|maria/.test(n)) return 'mariadb';
  if (/mysql|percona|server|db|database/.test(n)) return /mysql/.test(n) && !/mariadb/.test(n) ? 'mysql' : 'any';
  return undefined;
}

function versionAtom(variable: string, op: string, version: string, t: MysqlTarget): Tri {
  const owner = versionVariable(variable);
  if (!owner) return undefined;
  const fam = productFamily(t);
  if (owner === 'mariadb' && fam !== 'mariadb') return undefined;
  if (owner === 'mysql' && fam === 'mariadb') return undefined;
  if (!/^\d+(\.\d+){0,2}$/.test(version)) return undefined;
  return compareSeries(seriesOf(t), op, version);
}

const FLAVOR_WORDS: Record<string, 'mysql' | 'mariadb' | 'percona'> = { mysql: 'mysql', mariadb: 'mariadb', percona: 'percona', 'percona-server': 'percona' };

/** One comparison or name, without and/or/not at its top level. */
function atom(a: string, t: MysqlTarget): Tri {
  const s = a.trim();
  let m: RegExpExecArray | null;
  // Jinja: `x is version('8.0', '>=')`, `x is version_compare('8.0', '>=')`, `x | version('8.0', '>=')`
  if ((m = /^([\w.[\]'"@$:]+)\s*(?:is|\|)\s*(?:version|version_compare)\(\s*['"]([\d.]+)['"]\s*,\s*['"]([<>=!]=?|[a-z]{2})['"]/.exec(s))) return versionAtom(m[1], m[3], m[2], t);
  // Puppet: `versioncmp($x, '8.0') >= 0`
  if ((m = /^versioncmp\(\s*([\w:$@]+)\s*,\s*['"]([\d.]+)['"]\s*\)\s*([<>=!]=?)\s*0$/.exec(s))) return versionAtom(m[1], m[3], m[2], t);
  // Ruby: `Gem::Version.new(x) >= Gem::Version.new('8.0')`
  if ((m = /^Gem::Version\.new\(\s*([\w@:[\]'".]+)\s*\)\s*([<>=!]=?)\s*Gem::Version\.new\(\s*['"]([\d.]+)['"]\s*\)$/.exec(s))) return versionAtom(m[1], m[2], m[3], t);
  // `x >= '8.0'`, `x.to_f >= 8.0`
  if ((m = /^([\w@$:[\]'".]+?)(?:\.to_f|\|\s*float)?\s*([<>]=?|==|!=)\s*['"]?(\d+(?:\.\d+){0,2})['"]?$/.exec(s))) return versionAtom(m[1], m[2], m[3], t);
  // flavor: `x == 'mariadb'`, `'mariadb' in x`, `x != 'mysql'`
  let op: string | undefined;
  let word: string | undefined;
  if ((m = /^[\w@$:[\]'".]+\s*(==|!=|eq|ne)\s*['"]([\w-]+)['"]$/.exec(s))) [op, word] = [m[1], m[2]];
  else if ((m = /^['"]([\w-]+)['"]\s*(==|!=)\s*[\w@$:[\]'".]+$/.exec(s))) [op, word] = [m[2], m[1]];
  if (op && word) {
    const fl = FLAVOR_WORDS[word.toLowerCase()];
    if (!fl) return undefined;
    // roles name Percona Server `mysql` as often as not: that test says nothing about it
    if (fl === 'mysql' && productFamily(t) === 'percona') return undefined;
    const is = productFamily(t) === fl;
    return op === '==' || op === 'eq' ? is : !is;
  }
  if ((m = /^['"](mysql|mariadb|percona)['"]\s+in\s+[\w@$:[\]'".]+$/i.exec(s))) return productFamily(t) === FLAVOR_WORDS[m[1].toLowerCase()];
  // a flag named after the flavor: `mariadb`, `@mariadb`, `$use_mariadb`, `is_mariadb`
  if ((m = /^[@$]?(?:use_|is_|install_)?(mariadb|mysql|percona)$/i.exec(s))) return productFamily(t) === FLAVOR_WORDS[m[1].toLowerCase()];
  return undefined;
}

/** Splits at a top-level operator word (outside parentheses and quotes). */
function splitTop(s: string, ops: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === 'a' || c === 'o' || c === '&' || c === '|') && (i === 0 || /\s/.test(s[i - 1]) || c === '&' || c === '|')) {
      ops.lastIndex = i;
      const m = ops.exec(s);
      if (m) {
        out.push(s.slice(last, i));
        i += m[0].length - 1;
        last = i + 1;
      }
    }
  }
  out.push(s.slice(last));
  return out;
}

function stripParens(s: string): string {
  let t = s.trim();
  while (t.startsWith('(') && t.endsWith(')')) {
    // only when the outer parentheses match each other
    let depth = 0;
    let ok = true;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '(') depth++;
      else if (t[i] === ')') depth--;
      if (depth === 0 && i < t.length - 1) {
        ok = false;
        break;
      }
    }
    if (!ok) break;
    t = t.slice(1, -1).trim();
  }
  return t;
}

/** Conditions repeat (every option of a branch has its guard): their values per target, bounded. */
const evaluated = new Map<string, Tri>();

/** A condition's value for a target (three-valued: and/or/not over the atoms). */
export function evaluate(condition: string, t: MysqlTarget): Tri {
  const key = `${t}\u0000${condition}`;
  if (evaluated.has(key)) return evaluated.get(key);
  const v = evaluateIn(condition, t, 0);
  if (evaluated.size > 5000) evaluated.clear();
  evaluated.set(key, v);
  return v;
}

function evaluateIn(condition: string, t: MysqlTarget, depth: number): Tri {
  if (depth > 20) return undefined;
  const s = stripParens(condition);
  const ors = splitTop(s, /(or\b|\|\|)/y);
  if (ors.length > 1) {
    const v = ors.map((x) => evaluateIn(x, t, depth + 1));
    return v.some((x) => x === true) ? true : v.every((x) => x === false) ? false : undefined;
  }
  const ands = splitTop(s, /(and\b|&&)/y);
  if (ands.length > 1) {
    const v = ands.map((x) => evaluateIn(x, t, depth + 1));
    return v.some((x) => x === false) ? false : v.every((x) => x === true) ? true : undefined;
  }
  const neg = /^(not\s+|!\s*)([^]*)$/.exec(s);
  if (neg && !/^!=/.test(s)) {
    const v = evaluateIn(neg[2], t, depth + 1);
    return v === undefined ? undefined : !v;
  }
  return atom(s, t);
}

/** Whether the lines under these guards are rendered for a target: false when a guard rules the target out. */
export function rendersFor(guards: Guard[], t: MysqlTarget): Tri {
  let all: Tri = true;
  for (const g of guards) {
    let v = evaluate(g.condition, t);
    if (v !== undefined && g.negated) v = !v;
    if (v === false) return false;
    if (v === undefined) all = undefined;
  }
  return all;
}

/** Whether any guard speaks of the server flavor or version (its lines then say nothing about which server is meant). */
export function namesServer(guards: Guard[], targets: readonly MysqlTarget[]): boolean {
  return guards.some((g) => targets.some((t) => evaluate(g.condition, t) !== undefined));
}

/** The guards of each option of the linted template that has any (undefined when the file is no template or has no branches). */
export function optionGuards(p: ParsedFiles): Map<CnfOption, Guard[]> | undefined {
  const t = p.template;
  if (!t || !t.blocks.length) return undefined;
  const out = new Map<CnfOption, Guard[]>();
  for (const o of p.options) {
    if (o.source !== 0) continue;
    const g = guardsAt(t, p.lines.offsetAt(o.nameRange.start));
    if (g.length) out.set(o, g);
  }
  return out;
}

/** The options a server's version or flavor guard keeps out of the rendering for `t`: they leave the model. */
export function dropUnrendered(p: ParsedFiles, t: MysqlTarget, guards: Map<CnfOption, Guard[]>): void {
  const gone = new Set<CnfOption>();
  for (const [o, g] of guards) if (rendersFor(g, t) === false) gone.add(o);
  if (!gone.size) return;
  p.options = p.options.filter((o) => !gone.has(o));
  p.orphans = p.orphans.filter((o) => !gone.has(o));
  for (const g of p.groups) g.options = g.options.filter((o) => !gone.has(o));
}
