/**
 * When a fix to an option file keeps the server's behaviour on every server the file can be for. A target names a
 * series (mysql-8.0 is 8.0.0 up to the last 8.0), so a name added in a point release is not there for all of it; and
 * when the file does not state its target (no `# devops-guidance target=` comment, no configuration), the target is
 * only assumed: then every series of the flavour counts (a file taken for 8.4 may be read by a 5.7 server).
 */
import { MYSQL_TARGETS, type MysqlTarget } from './targets';
import { compareVersions, flavorOf } from './groups';
import type { CnfOption, MycnfModel } from './model';
import type { OptionInfo } from './options';
import { loadRef } from './refs';

/** The targets a fix must keep working on: the stated one, or every series of its flavour. */
export function fixTargets(m: MycnfModel, target: MysqlTarget): MysqlTarget[] {
  if (m.target.source === 'comment' || m.target.source === 'config') return [target];
  return MYSQL_TARGETS.filter((t) => flavorOf(t) === flavorOf(target));
}

function knownInSeries(t: MysqlTarget, name: string): OptionInfo | undefined {
  const r = loadRef(t)?.lookup(name);
  if (!r || r.removed !== undefined) return undefined;
  if (!r.introduced) return r;
  if (!/^\d+(\.\d+)*$/.test(r.introduced)) return undefined;
  const series = /-(\d+\.\d+)$/.exec(t)?.[1];
  return series && compareVersions(r.introduced, `${series}.0`) <= 0 ? r : undefined;
}

/** Every release of every target the fix must keep working on knows `name`. */
export function knownThroughout(m: MycnfModel, target: MysqlTarget, name: string): boolean {
  return fixTargets(m, target).every((t) => knownInSeries(t, name) !== undefined);
}

/**
 * Whether `name` can replace a deprecated or removed option everywhere: known throughout and not deprecated itself.
 * (log_replica_updates, added in 8.0.26, would stop an 8.0.25 server.)
 */
export function safeReplacement(m: MycnfModel, target: MysqlTarget, name: string): boolean {
  return fixTargets(m, target).every((t) => {
    const r = knownInSeries(t, name);
    return r !== undefined && !r.deprecated;
  });
}

/**
 * Whether `o`, which overrides another line, is in effect everywhere: a release that does not know it refuses to
 * start anyway, unless the loose- prefix makes it skip the line (then the other line counts).
 */
export function overridesEverywhere(m: MycnfModel, target: MysqlTarget, o: CnfOption): boolean {
  return !o.prefixes.includes('loose') || knownThroughout(m, target, o.name);
}

/** Every target the fix must keep working on agrees on this property of the option (its bounds, its block size). */
export function sameEverywhere(m: MycnfModel, target: MysqlTarget, name: string, pick: (i: OptionInfo) => unknown): boolean {
  const here = loadRef(target)?.lookup(name);
  if (!here) return false;
  return fixTargets(m, target).every((t) => {
    const r = loadRef(t)?.lookup(name);
    return r !== undefined && r.removed === undefined && pick(r) === pick(here);
  });
}

/** The file states its target: fixes whose result depends on the exact server may be safe. */
export const targetStated = (m: MycnfModel) => m.target.source === 'comment' || m.target.source === 'config';
