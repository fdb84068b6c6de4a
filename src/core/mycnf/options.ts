/**
 * The contract between the option reference (data built per target) and the option-file rules.
 * The reference itself is a large asset (dist/mysql-options.json), loaded on first use through loadJsonAsset.
 */
import type { MysqlTarget } from './targets';

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
  /**
   * Allowed values for enum and set (compared case-insensitively). The servers also take an enum value's 0-based
   * index and a set's bitmask as a number (`binlog_format=1` is STATEMENT on mariadbd 10.11; `=3` is refused).
   */
  values?: string[];
  scope?: 'global' | 'session' | 'both';
  dynamic?: boolean;
  /** False when the name is a status-only or runtime-only variable that an option file cannot set. */
  optionFile: boolean;
  /** True when the value must be given (`server_id` alone is an error). */
  requiresValue?: boolean;
  /** True when repeating the option adds to a list instead of replacing (replicate-do-db, plugin-load-add). */
  multiValued?: boolean;
  /**
   * Provided by a plugin that must be loaded first: the library's base name as written in
   * `plugin-load-add=<plugin>.so` (e.g. 'semisync_source', 'group_replication', 'server_audit'); for MySQL
   * components the component name (e.g. 'component_validate_password').
   */
  plugin?: string;
  /** Versions (e.g. '8.0.30') within this target's series, or the series where it happened. */
  introduced?: string;
  deprecated?: string;
  /** Set when the option no longer exists on this target: the version that removed it ('' when the version is unknown). */
  removed?: string;
  /**
   * Only with `removed`: the server still accepts the name and ignores it with a warning (MariaDB keeps removed
   * options as no-ops, e.g. innodb_file_format, and accepts some MySQL-only names such as master_info_repository).
   * When false or absent, a removed option stops the server from starting.
   */
  stillAccepted?: boolean;
  /** With stillAccepted: a MySQL option MariaDB never implemented; it accepts the name for compatibility only. */
  mysqlCompat?: boolean;
  /** The name to use instead (renames, deprecations). */
  replacement?: string;
  /** A successor that is not an option of this server (a component, a plugin), in words. */
  replacedBy?: string;
  /** Canonical documentation URL for this target. */
  docs?: string;
  /** One line in our own words (for hover and completion); optional. */
  summary?: string;
  /** Only on some platforms (an option the server of another platform does not know). */
  platform?: 'windows';
  /** The default printed depends on the machine (CPU count, memory, host name) and is only indicative. */
  defaultVaries?: boolean;
  /**
   * MariaDB, read from the server: whether `maximum-<name>=N` (the ceiling a session may raise the option to) is
   * taken (true) or refused with "Maximum value of ... cannot be set", which stops the server (false). Unset: not known.
   */
  maximumPrefix?: boolean;
  /**
   * How sure the reference is that this entry is right for this target: 'verified' (read from the server itself or
   * its source/manual for this series) or 'inferred' (derived from a neighbouring series and the documented
   * changes). Rules should not claim a start failure from an 'inferred' entry alone.
   */
  confidence?: 'verified' | 'inferred';
}

export interface OptionReference {
  target: MysqlTarget;
  /** By canonical or dashed name (dashes and underscores are equal); includes removed options (with `removed`). */
  lookup(name: string): OptionInfo | undefined;
  /** Every option known for this target, removed ones included. */
  all(): OptionInfo[];
}
