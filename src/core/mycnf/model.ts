/**
 * The model of a MySQL/MariaDB option file (my.cnf) and the files it includes, as the server reads them.
 *
 * Everything carries exact ranges in the file it comes from (`source`): the group header and its name, each option's
 * name and value. `parse.ts` builds the syntax (groups, options, directives, comments); `analyze.ts` adds what needs
 * the option reference: the target server, the name each option resolves to, and the effective server settings.
 */
import type { MysqlTarget } from './targets';
import type { Range } from '../finding';
import type { LineIndex } from '../text';
import type { OptionInfo, OptionReference } from './options';
import type { Guard, TemplateReading } from '../template/read';

/** One file: the linted file (id 0) or one read through `!include` / `!includedir`. */
export interface CnfSource {
  id: number;
  /** Path as resolved for reading; undefined for the linted file when it has no path (stdin, untitled). */
  path?: string;
  /** The path of the linted file (id 0) is the linted file itself: findings there carry no `file`. */
  main: boolean;
  text: string;
  lines: LineIndex;
  /** Include depth: 0 for the linted file. */
  depth: number;
  /** The directive that brought this file in (undefined for the linted file). */
  includedBy?: CnfDirective;
  /** Comments of this file (text after the marker, trimmed), for suppressions and the target comment. */
  comments: { line: number; text: string; range: Range }[];
  /** The file starts with a UTF-8 byte-order mark (the server refuses such a file). */
  bom?: boolean;
  /** True when the file has options but no group header at all: a fragment meant to be placed under [mysqld]. */
  fragment: boolean;
}

/** How the target server treats a group. */
export type GroupRole =
  /** Read by the target server: its options form the effective server configuration. */
  | 'server'
  /** A server group for another server or version (e.g. [mariadb] with a MySQL target, [mysqld-8.0] with 8.4). */
  | 'other-server'
  /** Read by client programs ([client], [mysql], [mysqldump], [client-server] is both). */
  | 'client'
  /** Read by a tool or a script ([mysqld_safe], [xtrabackup], [sst], [mysqld_multi]...). */
  | 'tool'
  /** A name no known program reads (a typo, or a custom --defaults-group-suffix group). */
  | 'unknown';

export interface CnfGroup {
  source: number;
  line: number;
  /** The name as the server reads it: between `[` and the first `]`, trailing blanks removed. */
  name: string;
  /** Lower-case name: group names are case-insensitive. */
  key: string;
  /** The whole header, `[` to `]` (or to the end of the line when `]` is missing). */
  range: Range;
  /** The name inside the brackets (may be empty). */
  nameRange: Range;
  /** False when the `]` is missing (the server refuses the file). */
  closed: boolean;
  /** Text after `]` that is not a comment (the server ignores it), with its range. */
  trailing?: { text: string; range: Range };
  role: GroupRole;
  /** The target whose option reference applies to this group's options; undefined when we cannot check them. */
  checkTarget?: MysqlTarget;
  /** Why the group has this role, in a few words (hover). */
  readBy: string;
  options: CnfOption[];
}

export type Prefix = 'loose' | 'skip' | 'disable' | 'enable' | 'maximum' | 'autoset';

export interface CnfOption {
  source: number;
  line: number;
  /** The group the option is in; undefined before any group header (an error, or a fragment). */
  group?: CnfGroup;
  /** The name as written (trimmed). */
  text: string;
  nameRange: Range;
  /** Dashes turned to underscores, case kept. */
  norm: string;
  hasValue: boolean;
  /** The value as written, trimmed, before quote removal and escapes ('' for `opt=`). */
  rawValue?: string;
  /** The value as the server reads it: outer quotes removed, escapes processed. */
  value?: string;
  /** Range of rawValue (empty range just after `=` when the value is empty). */
  valueRange?: Range;
  /** The quote character that was removed around the value. */
  quote?: '"' | "'";
  /** Range of the `=` sign. */
  equalsRange?: Range;
  /** From the start of the name to the end of the value (or name). */
  range: Range;
  /** The whole line including its line break: for deleting the option. */
  lineRange: Range;
  /** Text of the whole line (for rules that look at the raw text). */
  lineText: string;
  /** Column where a `#` comment starts on this line, if any (outside quotes). */
  commentStart?: number;
  // --- filled in by analyze.ts ---
  /** Modifiers in front of the name (`loose-skip-x` → ['loose', 'skip']). */
  prefixes: Prefix[];
  /** The option name after the modifiers, underscores, lower-cased when known (the reference's canonical name). */
  name: string;
  /** Where the name (after the modifiers) starts in the line: the range of the bare option name. */
  baseRange: Range;
  /** What the reference of the group's checkTarget says; undefined when unknown or not checked. */
  info?: OptionInfo;
  /** Set when the option name is an unambiguous prefix of a longer option (MariaDB accepts those). */
  abbreviationOf?: string[];
  /** The effective-setting key (canonical name with renamed aliases folded: slave_parallel_workers → replica_parallel_workers). */
  key: string;
}

export interface CnfDirective {
  source: number;
  line: number;
  kind: 'include' | 'includedir' | 'unknown';
  /** The word after `!` as written. */
  keyword: string;
  range: Range;
  keywordRange: Range;
  /** The path as written (no quote removal, no escapes: the server takes it literally). */
  path?: string;
  pathRange?: Range;
  /** What happened when following it. */
  status: 'read' | 'unreadable' | 'outside' | 'missing-path' | 'depth' | 'cycle' | 'not-followed' | 'unknown-directive';
  /** The path that was read (or tried). */
  resolved?: string;
  /** Set when an absolute path was not readable and the same folder name beside the file was read instead. */
  besideFile?: boolean;
  /** For `!includedir`: entries the server skips because they do not end in `.cnf`. */
  skipped?: string[];
  /** `?includedir` (MariaDB 11.4.10+): unreadable entries are skipped silently. */
  optional?: boolean;
  /** Sources read through this directive. */
  children: number[];
}

export interface TargetChoice {
  target: MysqlTarget;
  source: 'comment' | 'config' | 'inferred' | 'default';
  /** Why, in one sentence (hover and explain show it). */
  reason: string;
  /** The `# devops-guidance target=` comment, when there is one. */
  commentRange?: Range;
  /** A comment naming a target that does not exist. */
  invalidComment?: { value: string; range: Range };
  /**
   * Inferred from Galera options alone: MariaDB is assumed, but the file may as well be Percona XtraDB Cluster's.
   * Rules that would say something only true of MariaDB stay quiet then.
   */
  guessed?: boolean;
}

export interface MycnfModel {
  /** The linted file's text and lines (source 0). */
  text: string;
  lines: LineIndex;
  sources: CnfSource[];
  /** Every group header in read order (includes are read where the directive is). */
  groups: CnfGroup[];
  /** Every option in read order, includes spliced in where their directive is. */
  options: CnfOption[];
  directives: CnfDirective[];
  /** Lines the server cannot read at all. */
  malformed: { source: number; line: number; range: Range; reason: 'option-name-space' | 'empty-name' }[];
  /** Options before any group header in a file that has group headers (the server refuses the file). */
  orphans: CnfOption[];
  /** The linted file is a header-less fragment (Vitess style): its options are treated as [mysqld] options. */
  fragment: boolean;
  /** True when the effective configuration may be incomplete: a fragment, or an include we could not read. */
  partial: boolean;
  /** The template the linted file was read from (my.cnf.j2, my.cnf.erb...): its tags are masked in `text`. */
  template?: TemplateReading;
  /**
   * A template's options under conditions, with their guards (outermost first), including those a flavor or version
   * guard keeps out of the rendering for the target (they are not in `options`).
   */
  guards?: Map<CnfOption, Guard[]>;
  target: TargetChoice;
  /** Option reference of the target; undefined when it could not be loaded (reference rules stay silent). */
  ref?: OptionReference;
  /** The effective server configuration: options of the server groups (and fragment options), by key. */
  server: ServerView;
  /** Comments of the linted file (for suppressions). */
  comments: { line: number; text: string; range: Range }[];
  /** Statement lines of the linted file (for `ignore=` on the next one). */
  units: { startLine: number; endLine: number }[];
}

export interface ServerView {
  /** Every occurrence of a setting, in read order (maximum- and unknown loose- options excluded). */
  all(key: string): CnfOption[];
  /** The occurrence that wins (the last one; the first one for `user`). */
  get(key: string): CnfOption | undefined;
  has(key: string): boolean;
  /** Every key that is set. */
  keys(): string[];
  /** Options of the server groups in read order. */
  options: CnfOption[];
}
