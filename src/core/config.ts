import { z } from 'zod';
import { parseDocument, LineCounter } from 'yaml';
import type { Kind, SeveritySetting } from './finding';

export const MYSQL_TARGETS = ['mysql-5.7', 'mysql-8.0', 'mysql-8.4', 'mariadb-10.11', 'mariadb-11.4'] as const;
export type MysqlTarget = (typeof MYSQL_TARGETS)[number];
export const DEFAULT_MYSQL_TARGET: MysqlTarget = 'mysql-8.4';

export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

const severitySetting = z.enum(['off', 'hint', 'info', 'warning', 'error']);

/** The user-facing configuration: the project file `.devops-guidance.yaml`, VS Code settings and CLI flags all map to it. */
export const userConfigSchema = z
  .object({
    enable: z
      .object({ dockerfile: z.boolean(), mycnf: z.boolean(), vagrantfile: z.boolean() })
      .partial()
      .strict()
      .optional(),
    /** Severity per rule, keyed by code (DL3008), name (image-tag-missing) or alias (JSONArgsRecommended). */
    rules: z.record(z.string(), severitySetting).optional(),
    mysql: z.object({ target: z.enum(MYSQL_TARGETS) }).partial().strict().optional(),
    dockerfile: z
      .object({
        trustedRegistries: z.array(z.string()),
        labelSchema: z.record(z.string(), z.enum(LABEL_TYPES)),
        strictLabels: z.boolean(),
        disableIgnorePragma: z.boolean(),
        shellcheck: z.boolean(),
      })
      .partial()
      .strict()
      .optional(),
    /** CLI only: lowest severity that makes `lint` exit 1. */
    failLevel: z.enum(['error', 'warning', 'info', 'hint', 'none']).optional(),
  })
  .strict();

export type UserConfig = z.infer<typeof userConfigSchema>;

export interface ResolvedConfig {
  enable: Record<Kind, boolean>;
  /** Keys as the user wrote them (code, name or alias); matched against rules by the registry. */
  rules: Record<string, SeveritySetting>;
  /** Explicit target; undefined means: use the file's own comment, infer from the file, or fall back to DEFAULT_MYSQL_TARGET. */
  mysqlTarget?: MysqlTarget;
  dockerfile: {
    trustedRegistries: string[];
    labelSchema: Record<string, LabelType>;
    strictLabels: boolean;
    disableIgnorePragma: boolean;
    shellcheck: boolean;
  };
  failLevel?: UserConfig['failLevel'];
}

export function defaultConfig(): ResolvedConfig {
  return {
    enable: { dockerfile: true, mycnf: true, vagrantfile: true },
    rules: {},
    dockerfile: { trustedRegistries: [], labelSchema: {}, strictLabels: false, disableIgnorePragma: false, shellcheck: true },
  };
}

/** Later layers win for scalars and per-key maps; lists are concatenated (as hadolint does). */
export function mergeConfig(base: ResolvedConfig, ...layers: (UserConfig | undefined)[]): ResolvedConfig {
  const out: ResolvedConfig = {
    ...base,
    enable: { ...base.enable },
    rules: { ...base.rules },
    dockerfile: {
      ...base.dockerfile,
      trustedRegistries: [...base.dockerfile.trustedRegistries],
      labelSchema: { ...base.dockerfile.labelSchema },
    },
  };
  for (const l of layers) {
    if (!l) continue;
    if (l.enable) Object.assign(out.enable, stripUndefined(l.enable));
    if (l.rules) Object.assign(out.rules, l.rules);
    if (l.mysql?.target) out.mysqlTarget = l.mysql.target;
    const d = l.dockerfile;
    if (d) {
      if (d.trustedRegistries) out.dockerfile.trustedRegistries.push(...d.trustedRegistries.filter((r) => !out.dockerfile.trustedRegistries.includes(r)));
      if (d.labelSchema) Object.assign(out.dockerfile.labelSchema, d.labelSchema);
      if (d.strictLabels !== undefined) out.dockerfile.strictLabels = d.strictLabels;
      if (d.disableIgnorePragma !== undefined) out.dockerfile.disableIgnorePragma = d.disableIgnorePragma;
      if (d.shellcheck !== undefined) out.dockerfile.shellcheck = d.shellcheck;
    }
    if (l.failLevel) out.failLevel = l.failLevel;
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string | undefined,
    /** 0-based line of the problem in the file, when known. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(file ? `${file}${line !== undefined ? `:${line + 1}` : ''}: ${message}` : message);
  }
}

function yamlPathLine(text: string, path: (string | number)[]): { line?: number; column?: number } {
  try {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc });
    let node: unknown = doc.getIn(path, true);
    for (let n = path.length; !node && n > 0; n--) node = doc.getIn(path.slice(0, n), true);
    const r = (node as { range?: [number, number, number] } | undefined)?.range;
    if (!r) return {};
    const p = lc.linePos(r[0]);
    return { line: p.line - 1, column: p.col - 1 };
  } catch {
    return {};
  }
}

function parseYamlText(text: string, file: string | undefined): unknown {
  try {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const p = lc.linePos(e.pos[0]);
      throw new ConfigError(`invalid YAML: ${e.message.split('\n')[0]}`, file, p.line - 1, p.col - 1);
    }
    return doc.toJS() ?? {};
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`invalid YAML: ${(e as Error).message}`, file);
  }
}

function zodProblem(text: string, file: string | undefined, err: z.ZodError): ConfigError {
  const issue = err.issues[0];
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  const pos = yamlPathLine(text, issue.path as (string | number)[]);
  return new ConfigError(`${where}: ${issue.message}`, file, pos.line, pos.column);
}

/** Parses `.devops-guidance.yaml`. Throws ConfigError with a line when it is invalid. */
export function parseProjectConfig(text: string, file?: string): UserConfig {
  const raw = parseYamlText(text, file);
  const r = userConfigSchema.safeParse(raw);
  if (!r.success) throw zodProblem(text, file, r.error);
  return r.data;
}

const hadolintSeverity = z.enum(['error', 'warning', 'info', 'style', 'ignore', 'none']);
const hadolintCodes = z.array(z.string()).nullish();
export const hadolintConfigSchema = z
  .object({
    ignored: hadolintCodes,
    override: z
      .object({ error: hadolintCodes, warning: hadolintCodes, info: hadolintCodes, style: hadolintCodes })
      .partial()
      .nullish(),
    trustedRegistries: hadolintCodes,
    'label-schema': z.record(z.string(), z.enum(LABEL_TYPES)).nullish(),
    'strict-labels': z.boolean().nullish(),
    'failure-threshold': hadolintSeverity.nullish(),
    'disable-ignore-pragma': z.boolean().nullish(),
    // accepted and ignored: they only concern hadolint's own output
    format: z.string().nullish(),
    formats: z.array(z.string()).nullish(),
    'no-color': z.boolean().nullish(),
    'no-fail': z.boolean().nullish(),
    verbose: z.boolean().nullish(),
  })
  .passthrough();

/** Parses a `.hadolint.yaml` into our configuration (Dockerfile rules only). */
export function parseHadolintConfig(text: string, file?: string): UserConfig {
  const raw = parseYamlText(text, file);
  const r = hadolintConfigSchema.safeParse(raw);
  if (!r.success) throw zodProblem(text, file, r.error);
  return fromHadolint(r.data);
}

function fromHadolint(h: z.infer<typeof hadolintConfigSchema>): UserConfig {
  const rules: Record<string, SeveritySetting> = {};
  const map: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
  for (const [level, codes] of Object.entries(h.override ?? {})) for (const c of codes ?? []) rules[c] = map[level];
  for (const c of h.ignored ?? []) rules[c] = 'off';
  const out: UserConfig = { rules };
  const dockerfile: NonNullable<UserConfig['dockerfile']> = {};
  if (h.trustedRegistries) dockerfile.trustedRegistries = h.trustedRegistries;
  if (h['label-schema']) dockerfile.labelSchema = h['label-schema'];
  if (h['strict-labels'] != null) dockerfile.strictLabels = h['strict-labels'];
  if (h['disable-ignore-pragma'] != null) dockerfile.disableIgnorePragma = h['disable-ignore-pragma'];
  out.dockerfile = dockerfile;
  const ft = h['failure-threshold'];
  if (ft) out.failLevel = ft === 'style' ? 'hint' : ft === 'ignore' || ft === 'none' ? 'none' : ft;
  return out;
}

/**
 * Parses a project file (`.devops-guidance.yaml`, or `.hadolint.yaml` when `hadolint`) keeping what is valid: a bad
 * key or value is reported (every one, each with its line) and dropped, and the rest of the file still applies. A
 * YAML syntax error, or a file that is not a mapping, rejects the whole file (`config` undefined).
 */
export function parseConfigPartially(text: string, file: string | undefined, hadolint: boolean): { config?: UserConfig; errors: ConfigError[] } {
  let raw: unknown;
  try {
    raw = parseYamlText(text, file);
  } catch (e) {
    return { errors: [e instanceof ConfigError ? e : new ConfigError(String(e), file)] };
  }
  const errors: ConfigError[] = [];
  const schema = hadolint ? hadolintConfigSchema : userConfigSchema;
  for (let round = 0; round < 100; round++) {
    const r = schema.safeParse(raw);
    if (r.success) return { config: hadolint ? fromHadolint(r.data as z.infer<typeof hadolintConfigSchema>) : (r.data as UserConfig), errors };
    for (const issue of r.error.issues) {
      const path = issue.path as (string | number)[];
      const keys = issue.code === 'unrecognized_keys' ? ((issue as { keys?: string[] }).keys ?? []) : [];
      for (const p of keys.length ? keys.map((k) => [...path, k]) : [path]) {
        const pos = yamlPathLine(text, p);
        errors.push(new ConfigError(`${p.length ? p.join('.') : '(top level)'}: ${keys.length ? 'unknown key' : issue.message}`, file, pos.line, pos.column));
        if (!p.length || !dropAt(raw, p)) return { errors };
      }
    }
  }
  return { errors };
}

/** Deletes the value at `path` inside plain YAML data; false when there is nothing to delete. */
function dropAt(data: unknown, path: (string | number)[]): boolean {
  let parent: unknown = data;
  for (const k of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = (parent as Record<string | number, unknown>)[k];
  }
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) {
    parent.splice(last, 1);
    return true;
  }
  if (parent !== null && typeof parent === 'object' && last in (parent as object)) {
    delete (parent as Record<string | number, unknown>)[last];
    return true;
  }
  return false;
}

/** hadolint reads `.hadolint.yaml` or `.hadolint.yml`; we also read our own project file. */
export const PROJECT_CONFIG_NAMES = ['.devops-guidance.yaml', '.devops-guidance.yml'];
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

