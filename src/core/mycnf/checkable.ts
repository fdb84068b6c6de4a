/** Which options the reference rules look at, and which reference applies to them. */
import type { MysqlTarget } from './targets';
import { compareVersions, targetLabel } from './groups';
import type { CnfOption, MycnfModel } from './model';
import type { OptionReference } from './options';
import { loadRef } from './refs';
import { didYouMean } from '../text';

export interface Checkable {
  o: CnfOption;
  target: MysqlTarget;
  ref: OptionReference;
  /** True when the target server itself reads the option (not a [mysqld-8.0] group kept for another version). */
  own: boolean;
}

const checkableCache = new WeakMap<MycnfModel, Checkable[]>();

/** Options in groups a server reads (the target's, or another version's when we have its reference), and fragment options. */
export function checkable(m: MycnfModel): Checkable[] {
  const cached = checkableCache.get(m);
  if (cached) return cached;
  const out: Checkable[] = [];
  checkableCache.set(m, out);
  for (const o of m.options) {
    let target: MysqlTarget | undefined;
    if (o.group) target = o.group.checkTarget;
    else if (m.fragment && o.source === 0) target = m.target.target;
    if (!target) continue;
    const ref = loadRef(target);
    if (!ref) continue;
    out.push({ o, target, ref, own: target === m.target.target && (!o.group || o.group.role === 'server') });
  }
  return out;
}

/** "MySQL 8.4 (assumed)" / "MariaDB 10.11" for messages. */
export function serverLabel(m: MycnfModel, t: MysqlTarget): string {
  return `${targetLabel(t)}${t === m.target.target && m.target.source === 'default' ? ' (assumed: no target set)' : ''}`;
}

/** A removal the target's server may not have had: the default target is assumed and the option still exists in 8.0. */
export function uncertainRemoval(m: MycnfModel, t: MysqlTarget, removed: string | undefined): boolean {
  return t === m.target.target && m.target.source === 'default' && !!removed && compareVersions(removed, '8.1') >= 0;
}

const namesCache = new WeakMap<OptionReference, string[]>();
const suggestCache = new WeakMap<OptionReference, Map<string, string[]>>();

/** Option names of a reference that an option file can set (removed ones left out). */
export function settableNames(ref: OptionReference): string[] {
  let c = namesCache.get(ref);
  if (!c) namesCache.set(ref, (c = ref.all().filter((i) => i.optionFile && i.removed === undefined).map((i) => i.name)));
  return c;
}

/** "Did you mean" for an unknown name, computed once per reference and name (a file may repeat a typo many times). */
export function suggestNames(ref: OptionReference, name: string): string[] {
  let per = suggestCache.get(ref);
  if (!per) suggestCache.set(ref, (per = new Map()));
  let s = per.get(name);
  if (!s) {
    // the bounded edit distance only runs on candidates of a close length
    const limit = Math.max(1, Math.min(3, Math.floor(name.length / 4)));
    s = didYouMean(name, settableNames(ref).filter((n) => Math.abs(n.length - name.length) <= limit), limit);
    per.set(name, s);
  }
  return s;
}
