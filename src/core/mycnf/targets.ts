/**
 * The servers an option file can be checked for, and the `mysql:` section of the configuration
 * (`mysql.target` → `config.mysqlTarget`), reached by the generic config layer through `mycnfLanguage.config`.
 */
import { z } from 'zod';
import type { ConfigSection } from '../language';

export const MYSQL_TARGETS = ['mysql-5.7', 'mysql-8.0', 'mysql-8.4', 'mariadb-10.11', 'mariadb-11.4'] as const;
export type MysqlTarget = (typeof MYSQL_TARGETS)[number];
export const DEFAULT_MYSQL_TARGET: MysqlTarget = 'mysql-8.4';

export const mysqlSectionSchema = z.object({ target: z.enum(MYSQL_TARGETS) }).partial().strict();
export type MysqlUserSection = z.infer<typeof mysqlSectionSchema>;

/** What the option-file rules read from a resolved configuration. */
export interface MycnfSettings {
  /** Explicit target; undefined means: use the file's own comment, infer from the file, or fall back to DEFAULT_MYSQL_TARGET. */
  mysqlTarget?: MysqlTarget;
}

export const mysqlConfigSection: ConfigSection<MysqlUserSection> = {
  key: 'mysql',
  schema: mysqlSectionSchema,
  defaults() {
    // no explicit target: the file decides
  },
  copy(from, to) {
    if (from.mysqlTarget) to.mysqlTarget = from.mysqlTarget;
  },
  merge(config, section) {
    if (section.target) config.mysqlTarget = section.target;
  },
};
