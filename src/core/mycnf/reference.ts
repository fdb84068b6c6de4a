/**
 * The option reference per target, read lazily from the asset dist/mysql-options.json (built by
 * scripts/build-mysql-options.ts from data/reference/mycnf-options/). Parsed once; each target's table is built on
 * first use and cached. Lookups are O(1) and ignore case and the dash/underscore difference.
 */
import { loadJsonAsset } from '../assets';
import { ownCopy } from '../text';
import { MYSQL_TARGETS, type MysqlTarget } from './targets';
import type { OptionInfo, OptionReference } from './options';
import { setReferenceProvider } from './refs';

export const OPTIONS_ASSET_NAME = 'mysql-options.json';
export const OPTIONS_ASSET_VERSION = 1;

/** The asset's shape. Each record: `b` the fields most targets share, `t` per target index its differences. */
export interface OptionsAsset {
  v: number;
  /** Per target: the manual's base URL and the confidence of entries that do not state their own. */
  targets: { target: MysqlTarget; docsBase: string; confidence: 'verified' | 'inferred' }[];
  sources: Record<string, string>;
  options: { n: string; b: Record<string, unknown>; t: Record<number, 0 | Record<string, unknown>> }[];
}

/** `Innodb-Log-File-Size` -> `innodb_log_file_size`. Option names treat `-` and `_` alike and we ignore case. */
export function canonicalOptionName(name: string): string {
  return name.trim().toLowerCase().replace(/-/g, '_');
}

const cache = new Map<MysqlTarget, OptionReference>();

function build(target: MysqlTarget): OptionReference {
  const asset = loadJsonAsset<OptionsAsset>(OPTIONS_ASSET_NAME);
  if (asset.v !== OPTIONS_ASSET_VERSION) throw new Error(`${OPTIONS_ASSET_NAME}: version ${asset.v}, expected ${OPTIONS_ASSET_VERSION}`);
  const index = asset.targets.findIndex((x) => x.target === target);
  if (index < 0) throw new Error(`${OPTIONS_ASSET_NAME}: no target ${target}`);
  const { docsBase, confidence } = asset.targets[index];
  const map = new Map<string, OptionInfo>();
  const list: OptionInfo[] = [];
  for (const r of asset.options) {
    const d = r.t[index];
    if (d === undefined) continue;
    const info = entry(r.n, r.b, d || undefined);
    if (typeof info.docs === 'string') {
      if (info.docs.endsWith('#')) info.docs += r.n;
      if (!/^https?:/.test(info.docs)) info.docs = docsBase + info.docs;
    }
    if (info.confidence === undefined) info.confidence = confidence;
    Object.freeze(info);
    map.set(r.n, info);
    list.push(info);
  }
  Object.freeze(list);
  return {
    target,
    // most names asked for are already canonical: one map probe, no new string
    lookup: (name) => map.get(name) ?? map.get(canonicalOptionName(name)),
    all: () => list,
  };
}

/**
 * One target's entry: the shared fields `b`, with this target's differences `d` (its values win; the names listed
 * under `~` are dropped). Every field of OptionInfo is present, in one order (undefined when the table has no value),
 * so every entry has the same hidden class and the rules' reads (o.info.type, .removed, .deprecated on every option)
 * stay monomorphic, instead of probing the many shapes that adding and deleting keys made. Built with copies the
 * engine does fast even in cold code: 13 targets × 1,500 entries are built on the first lint that needs them all.
 */
function entry(name: string, b: Record<string, unknown>, d: Record<string, unknown> | undefined): OptionInfo {
  const info: Record<string, unknown> = {
    name,
    type: undefined,
    default: undefined,
    min: undefined,
    max: undefined,
    blockSize: undefined,
    values: undefined,
    scope: undefined,
    dynamic: undefined,
    optionFile: undefined,
    requiresValue: undefined,
    multiValued: undefined,
    plugin: undefined,
    introduced: undefined,
    deprecated: undefined,
    removed: undefined,
    stillAccepted: undefined,
    mysqlCompat: undefined,
    replacement: undefined,
    replacedBy: undefined,
    docs: undefined,
    summary: undefined,
    platform: undefined,
    defaultVaries: undefined,
    maximumPrefix: undefined,
    confidence: undefined,
  };
  Object.assign(info, b);
  if (d) {
    for (const k of Object.keys(d)) if (k !== '~') info[k] = d[k];
    const dropped = d['~'] as string[] | undefined;
    if (dropped) for (const k of dropped) info[k] = undefined;
  }
  return info as unknown as OptionInfo;
}

/** The reference of one target; throws if the host has not provided the asset (see setAssetLoader). */
export function optionReference(target: MysqlTarget): OptionReference {
  let r = cache.get(target);
  if (!r) {
    r = build(target);
    cache.set(target, r);
  }
  return r;
}

/** The targets (other than `except`) whose server knows the name and has not removed it: for messages such as
 *  "exists only on MariaDB" or "added in MySQL 8.0". */
export function targetsKnowing(name: string, except?: MysqlTarget): MysqlTarget[] {
  // no server knows a name this long (the longest option name has 60 characters): nothing to look up or keep
  if (name.length > 128) return [];
  const key = `${canonicalOptionName(name)}\u0000${except ?? ''}`;
  let r = knowingCache.get(key);
  if (!r) {
    r = MYSQL_TARGETS.filter((t) => t !== except && (() => {
      const i = optionReference(t).lookup(name);
      return i !== undefined && i.removed === undefined;
    })());
    if (knowingCache.size > 5000) knowingCache.clear();
    knowingCache.set(ownCopy(key), r);
  }
  return r;
}
/** targetsKnowing per name: a file may repeat an unknown name many times, and the tables never change. */
const knowingCache = new Map<string, MysqlTarget[]>();

/** Forgets the cached tables (tests; a host that swaps the asset loader). */
export function resetOptionReferenceCache(): void {
  cache.clear();
  knowingCache.clear();
}

// Importing this module makes the reference available to the rules (through refs.ts's provider hook).
setReferenceProvider(optionReference);
