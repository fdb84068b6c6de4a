/**
 * The composition root: the one place that lists the kinds of file the engine knows. The generic files of
 * src/core (engine, config, suppression, registry, editor services) reach each kind only through its `Language`
 * (src/core/language.ts) found here, and name no kind themselves (test/unit/architecture.test.ts checks it).
 * Adding a kind: its folder with a `language.ts`, one line in each list below, and its settings type.
 */
import type { Language } from '../language';
import { dockerfileLanguage } from '../dockerfile/language';
import { mycnfLanguage } from '../mycnf/language';
import { vagrantLanguage } from '../vagrant/language';
import type { DockerfileSettings, DockerfileUserSection } from '../dockerfile/config';
import type { MycnfSettings, MysqlUserSection } from '../mycnf/targets';

export type Kind = 'dockerfile' | 'mycnf' | 'vagrantfile';
export const KINDS: readonly Kind[] = ['dockerfile', 'mycnf', 'vagrantfile'];

/** Each kind's language; rules are listed (and documented) in this order. */
export const LANGUAGES: Record<Kind, Language<any>> = {
  dockerfile: dockerfileLanguage,
  mycnf: mycnfLanguage,
  vagrantfile: vagrantLanguage,
};

/** The order file names are tried in: `Dockerfile.vagrantfile` is a Vagrantfile, `Dockerfile.cnf` a Dockerfile. */
export const BY_FILE_NAME: readonly Kind[] = ['vagrantfile', 'dockerfile', 'mycnf'];

/** The kinds' parts of a resolved configuration (`config.dockerfile`, `config.mysqlTarget`). */
export type KindSettings = DockerfileSettings & MycnfSettings;
/** The kinds' sections of the user configuration (`dockerfile:`, `mysql:`). */
export interface KindUserConfig {
  dockerfile?: DockerfileUserSection;
  mysql?: MysqlUserSection;
}

// Each kind's public API, re-exported through src/core/index.ts for the adapters and tests.
export { LABEL_TYPES, type LabelType, parseHadolintConfig, hadolintConfigSchema, HADOLINT_CONFIG_NAMES } from '../dockerfile/config';
export { MYSQL_TARGETS, DEFAULT_MYSQL_TARGET, type MysqlTarget } from '../mycnf/targets';
export { mycnfTarget, mycnfIncludedFiles, looksLikeOptionFile, isOptionFileName, type MycnfTargetInfo } from '../mycnf/describe';
