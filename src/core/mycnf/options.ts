/**
 * The contract between the option reference (data built per target) and the option-file rules.
 * The reference itself is a large asset (dist/mysql-options.json), loaded on first use through loadJsonAsset.
 */
import type { MysqlTarget } from '../config';

export type OptionType =
  | 'boolean'
  | 'integer' // plain number, may take K/M/G/T/P/E suffixes as the server reads them
  | 'size' // bytes; same parsing as integer, shown with suffixes
  | 'numeric' // decimal allowed (e.g. long_query_time)
  | 'enum'
  | 'set'
  | 'string'
  | 'filename'
  | 'none'; // an option that takes no value (e.g. skip-log-bin style switches that are not booleans)

export interface OptionInfo {
  /** Canonical name with underscores (`innodb_log_file_size`). */
  name: string;
  type: OptionType;
  /** Default on this target, as the server shows it; undefined when unknown, null when there is none. */
  default?: string | number | boolean | null;
  min?: number;
  max?: number;
  /** Values are rounded down to a multiple of this. */
  blockSize?: number;
  /** Allowed values for enum and set. */
  values?: string[];
  scope?: 'global' | 'session' | 'both';
  dynamic?: boolean;
  /** False when the name is a status-only or runtime-only variable that an option file cannot set. */
  optionFile: boolean;
  /** True when the value must be given (`server_id` alone is an error). */
  requiresValue?: boolean;
  /** True when repeating the option adds to a list instead of replacing (replicate-do-db, plugin-load-add). */
  multiValued?: boolean;
  /** Provided by a plugin that must be loaded first (e.g. 'semisync_source', 'group_replication'). */
  plugin?: string;
  /** Versions (e.g. '8.0.30') within this target's series, or the series where it happened. */
  introduced?: string;
  deprecated?: string;
  /** Set when the option no longer exists on this target: the version that removed it. */
  removed?: string;
  /** The name to use instead (renames, deprecations). */
  replacement?: string;
  /** Canonical documentation URL for this target. */
  docs?: string;
  /** One line in our own words (for hover and completion); optional. */
  summary?: string;
}

export interface OptionReference {
  target: MysqlTarget;
  /** By canonical or dashed name (dashes and underscores are equal); includes removed options (with `removed`). */
  lookup(name: string): OptionInfo | undefined;
  /** Every option known for this target, removed ones included. */
  all(): OptionInfo[];
}
