/** Which options the reference rules look at, and which reference applies to them. */
import type { MysqlTarget } from '../config';
import { compareVersions, targetLabel } from './groups';
import type { CnfOption, MycnfModel } from './model';
import type { OptionReference } from './options';
import { loadRef } from './refs';

export interface Checkable {
  o: CnfOption;
  target: MysqlTarget;
  ref: OptionReference;
  /** True when the target server itself reads the option (not a [mysqld-8.0] group kept for another version). */
  own: boolean;
}

/** Options in groups a server reads (the target's, or another version's when we have its reference), and fragment options. */
export function checkable(m: MycnfModel): Checkable[] {
  const out: Checkable[] = [];
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
