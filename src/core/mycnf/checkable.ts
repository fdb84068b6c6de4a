/** Which options the reference rules look at, and which reference applies to them. */
import type { MysqlTarget } from './targets';
import { compareVersions, targetLabel } from './groups';
import type { CnfOption, MycnfModel } from './model';
import type { OptionReference } from './options';
import { loadRef } from './refs';
import { didYouMean, ownCopy } from '../text';

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
const labelCache = new WeakMap<MycnfModel, Map<MysqlTarget, string>>();

/** "MySQL 8.4" (with "(assumed: no target set)" when nothing chose it), once per model and target. */
export function serverLabel(m: MycnfModel, t: MysqlTarget): string {
  let per = labelCache.get(m);
  if (!per) labelCache.set(m, (per = new Map()));
  let l = per.get(t);
  if (l === undefined) {
    l = `${targetLabel(t)}${t === m.target.target && m.target.source === 'default' ? ' (assumed: no target set)' : ''}`;
    per.set(t, l);
  }
  return l;
}

/** A removal the target's server may not have had: the default target is assumed and the option still exists in 8.0. */
export function uncertainRemoval(m: MycnfModel, t: MysqlTarget, removed: string | undefined): boolean {
  return t === m.target.target && m.target.source === 'default' && !!removed && compareVersions(removed, '8.1') >= 0;
}

const namesCache = new WeakMap<OptionReference, string[]>();
const suggestCache = new WeakMap<OptionReference, Map<string, string[]>>();

const longestCache = new WeakMap<OptionReference, number>();

function longestSettable(ref: OptionReference): number {
  let n = longestCache.get(ref);
  if (n === undefined) longestCache.set(ref, (n = Math.max(0, ...settableNames(ref).map((x) => x.length))));
  return n;
}

/** Option names of a reference that an option file can set (removed ones left out). */
export function settableNames(ref: OptionReference): string[] {
  let c = namesCache.get(ref);
  if (!c) namesCache.set(ref, (c = ref.all().filter((i) => i.optionFile && i.removed === undefined).map((i) => i.name)));
  return c;
}

/**
 * Unknown names remembered per reference. Bounded: an editor session that lints thousands of versions of a file
 * (every keystroke in an option name is a new unknown name) must not keep them all.
 */
export const MAX_SUGGESTIONS_CACHED = 2000;

/** "Did you mean" for an unknown name, computed once per reference and name (a file may repeat a typo many times). */
export function suggestNames(ref: OptionReference, name: string): string[] {
  let per = suggestCache.get(ref);
  if (!per) suggestCache.set(ref, (per = new Map()));
  // no option name is within the edit-distance limit (at most 3) of a name this long: nothing to suggest or keep
  if (name.length > longestSettable(ref) + 3) return [];
  let s = per.get(name);
  if (!s) {
    // oldest first out (a Map iterates in insertion order)
    if (per.size >= MAX_SUGGESTIONS_CACHED) per.delete(per.keys().next().value as string);
    // the bounded edit distance only runs on candidates of a close length
    const limit = Math.max(1, Math.min(3, Math.floor(name.length / 4)));
    s = didYouMean(name, settableNames(ref).filter((n) => Math.abs(n.length - name.length) <= limit), limit);
    per.set(ownCopy(name), s);
  }
  return s;
}
