/**
 * The option reference per target, read lazily from the asset dist/mysql-options.json (built by
 * scripts/build-mysql-options.ts from data/reference/mycnf-options/). Parsed once; each target's table is built on
 * first use and cached. Lookups are O(1) and ignore case and the dash/underscore difference.
 */
import { loadJsonAsset } from '../assets';
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
    const o: Record<string, unknown> = { name: r.n, ...r.b };
    if (d) {
      for (const [k, v] of Object.entries(d)) if (k !== '~') o[k] = v;
      for (const k of (d['~'] as string[] | undefined) ?? []) delete o[k];
    }
    if (typeof o.docs === 'string') {
      if (o.docs.endsWith('#')) o.docs += r.n;
      if (!/^https?:/.test(o.docs)) o.docs = docsBase + o.docs;
    }
    if (o.confidence === undefined) o.confidence = confidence;
    const info = Object.freeze(shaped(o));
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
 * One entry with every field of OptionInfo present, in one order (undefined when the table has no value): every
 * entry has the same hidden class, so the rules' reads (o.info.type, .removed, .deprecated on every option) stay
 * monomorphic instead of probing dozens of shapes (entries built by adding and deleting keys differ in shape).
 */
function shaped(o: Record<string, unknown>): OptionInfo {
  const info = {
    name: o.name,
    type: o.type,
    default: o.default,
    min: o.min,
    max: o.max,
    blockSize: o.blockSize,
    values: o.values,
    scope: o.scope,
    dynamic: o.dynamic,
    optionFile: o.optionFile,
    requiresValue: o.requiresValue,
    multiValued: o.multiValued,
    plugin: o.plugin,
    introduced: o.introduced,
    deprecated: o.deprecated,
    removed: o.removed,
    stillAccepted: o.stillAccepted,
    mysqlCompat: o.mysqlCompat,
    replacement: o.replacement,
    replacedBy: o.replacedBy,
    docs: o.docs,
    summary: o.summary,
    platform: o.platform,
    defaultVaries: o.defaultVaries,
    maximumPrefix: o.maximumPrefix,
    confidence: o.confidence,
  } as Record<string, unknown>;
  // a field this list does not name yet (a newer asset) is kept
  for (const k in o) if (!(k in info)) info[k] = o[k];
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
  const key = `${canonicalOptionName(name)}\u0000${except ?? ''}`;
  let r = knowingCache.get(key);
  if (!r) {
    r = MYSQL_TARGETS.filter((t) => t !== except && (() => {
      const i = optionReference(t).lookup(name);
      return i !== undefined && i.removed === undefined;
    })());
    if (knowingCache.size > 5000) knowingCache.clear();
    knowingCache.set(key, r);
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
