/**
 * When a fix to an option file keeps the server's behaviour on every release a target covers. A target names a
 * series (mysql-8.0 is 8.0.0 up to the last 8.0), so a name added in a point release is not there for all of it.
 */
import type { MysqlTarget } from '../config';
import { compareVersions } from './groups';
import type { CnfOption } from './model';
import type { OptionReference } from './options';

/** The target knows `name` on every release of its series (added at or before the series' first release). */
export function knownThroughout(ref: OptionReference, target: MysqlTarget, name: string): boolean {
  const r = ref.lookup(name);
  if (!r || r.removed !== undefined) return false;
  if (!r.introduced) return true;
  if (!/^\d+(\.\d+)*$/.test(r.introduced)) return false;
  const series = /-(\d+\.\d+)$/.exec(target)?.[1];
  return !!series && compareVersions(r.introduced, `${series}.0`) <= 0;
}

/**
 * Whether `name` can replace a deprecated option on every release of the target series: known throughout and not
 * deprecated itself. (log_replica_updates, added in 8.0.26, would stop an 8.0.25 server.)
 */
export function safeReplacement(ref: OptionReference, target: MysqlTarget, name: string): boolean {
  return knownThroughout(ref, target, name) && !ref.lookup(name)?.deprecated;
}

/**
 * Whether `o`, which overrides another line, is in effect on every release of the series: a release that does not
 * know it refuses to start anyway, unless the loose- prefix makes it skip the line (then the other line counts).
 */
export function overridesEverywhere(ref: OptionReference, target: MysqlTarget, o: CnfOption): boolean {
  return !o.prefixes.includes('loose') || knownThroughout(ref, target, o.name);
}
