/**
 * The servers an option file can be checked for, and the `mysql:` section of the configuration
 * (`mysql.target` → `config.mysqlTarget`), reached by the generic config layer through `mycnfLanguage.config`.
 */
import { z } from 'zod';
import type { ConfigSection } from '../language';

/**
 * MariaDB 10.6 and 11.4 are inferred from the servers read directly (10.11 and 11.8); Percona Server (`percona-*`) and
 * Percona XtraDB Cluster (`pxc-*`) are MySQL of the same series plus their own options (see
 * data/reference/mycnf-options/README.md).
 */
export const MYSQL_TARGETS = [
  'mysql-5.7',
  'mysql-8.0',
  'mysql-8.4',
  'mariadb-10.6',
  'mariadb-10.11',
  'mariadb-11.4',
  'mariadb-11.8',
  'percona-5.7',
  'percona-8.0',
  'percona-8.4',
  'pxc-5.7',
  'pxc-8.0',
  'pxc-8.4',
] as const;
export type MysqlTarget = (typeof MYSQL_TARGETS)[number];
export const DEFAULT_MYSQL_TARGET: MysqlTarget = 'mysql-8.4';

/** `auto` (the default) lets the file's comment and content decide; a named target is used when they do not. */
export const mysqlSectionSchema = z.object({ target: z.enum([...MYSQL_TARGETS, 'auto']) }).partial().strict();
export type MysqlUserSection = z.infer<typeof mysqlSectionSchema>;

/** What the option-file rules read from a resolved configuration. */
export interface MycnfSettings {
  /** Explicit target; undefined means: use the file's own comment, infer from the file, or fall back to DEFAULT_MYSQL_TARGET. */
  mysqlTarget?: MysqlTarget;
  /** Where mysqlTarget came from (for the "checked for ... because ..." line): a file name or "settings". */
  mysqlTargetFrom?: string;
}

export const mysqlConfigSection: ConfigSection<MysqlUserSection> = {
  key: 'mysql',
  schema: mysqlSectionSchema,
  defaults() {
    // no explicit target: the file decides
  },
  copy(from, to) {
    if (from.mysqlTarget) to.mysqlTarget = from.mysqlTarget;
    if (from.mysqlTargetFrom) to.mysqlTargetFrom = from.mysqlTargetFrom;
  },
  merge(config, section) {
    if (section.target && section.target !== 'auto') {
      config.mysqlTarget = section.target;
      delete config.mysqlTargetFrom;
    }
  },
};
