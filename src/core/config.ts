import { z } from 'zod';
import { parseDocument, LineCounter } from 'yaml';
import type { SeveritySetting } from './finding';
import type { ConfigFile, ConfigSection } from './language';
import { KINDS, LANGUAGES, type Kind, type KindSettings, type KindUserConfig } from './languages/index';

const severitySetting = z.enum(['off', 'hint', 'info', 'warning', 'error']);
const failLevel = z.enum(['error', 'warning', 'info', 'hint', 'none']);

/** The part of the user configuration every kind shares; each kind adds its own section (Language.config). */
export interface BaseUserConfig {
  /** Which kinds are linted. */
  enable?: Partial<Record<Kind, boolean>>;
  /** Severity per rule, keyed by code (DL3008), name (image-tag-missing) or alias (JSONArgsRecommended). */
  rules?: Record<string, SeveritySetting>;
  /** CLI only: lowest severity that makes `lint` exit 1. */
  failLevel?: z.infer<typeof failLevel>;
}

/** The user-facing configuration: the project file `.devops-guidance.yaml`, VS Code settings and CLI flags all map to it. */
export type UserConfig = BaseUserConfig & KindUserConfig;

export interface BaseResolvedConfig {
  enable: Record<Kind, boolean>;
  /** Keys as the user wrote them (code, name or alias); matched against rules by the registry. */
  rules: Record<string, SeveritySetting>;
  failLevel?: UserConfig['failLevel'];
}

/** A complete configuration: the shared part and every kind's section (Language.config). */
export type ResolvedConfig = BaseResolvedConfig & KindSettings;

/** The kinds' configuration sections. Read lazily: the languages import this module. */
function sections(): ConfigSection[] {
  return KINDS.map((k) => LANGUAGES[k].config).filter((s): s is ConfigSection => !!s);
}

let schema: z.ZodType<UserConfig> | undefined;
/** The schema of the user configuration: the shared keys and each kind's section. */
export function userConfigSchema(): z.ZodType<UserConfig> {
  if (!schema) {
    const shape: Record<string, z.ZodType> = {
      enable: z
        .object(Object.fromEntries(KINDS.map((k) => [k, z.boolean()])))
        .partial()
        .strict()
        .optional(),
      rules: z.record(z.string(), severitySetting).optional(),
      failLevel: failLevel.optional(),
    };
    for (const s of sections()) shape[s.key] = s.schema.optional();
    schema = z.object(shape).strict() as unknown as z.ZodType<UserConfig>;
  }
  return schema;
}

export function defaultConfig(): ResolvedConfig {
  const c = { enable: Object.fromEntries(KINDS.map((k) => [k, true])), rules: {} } as ResolvedConfig;
  for (const s of sections()) s.defaults(c);
  return c;
}

/** Later layers win for scalars and per-key maps; lists are concatenated (as hadolint does). */
export function mergeConfig(base: ResolvedConfig, ...layers: (UserConfig | undefined)[]): ResolvedConfig {
  const out: ResolvedConfig = { ...base, enable: { ...base.enable }, rules: { ...base.rules } };
  const secs = sections();
  for (const s of secs) s.copy(base, out);
  for (const l of layers) {
    if (!l) continue;
    if (l.enable) Object.assign(out.enable, stripUndefined(l.enable));
    if (l.rules) Object.assign(out.rules, l.rules);
    for (const s of secs) {
      const v = (l as Record<string, unknown>)[s.key];
      if (v) s.merge(out, v);
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

/** Configuration files are small; these bounds make a hostile one (huge, deeply nested, alias bombs) fail fast. */
export const MAX_CONFIG_CHARS = 256 * 1024;
const MAX_CONFIG_NESTING = 64;
const MAX_CONFIG_INDENT = 256;
const MAX_CONFIG_ALIASES = 50;

/** A cheap look at the text's nesting (flow brackets, indentation) before the YAML parser recurses into it. */
function yamlTooDeep(text: string): number | undefined {
  let depth = 0;
  let line = 0;
  let col = 0;
  let indenting = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      col = 0;
      indenting = true;
      continue;
    }
    if (indenting && (c === 32 || c === 45)) {
      // spaces and `- ` sequence markers both open a level
      if (++col > MAX_CONFIG_INDENT) return line;
      continue;
    }
    indenting = false;
    if (c === 91 || c === 123) {
      if (++depth > MAX_CONFIG_NESTING) return line;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

export function parseYamlText(text: string, file: string | undefined): unknown {
  if (text.length > MAX_CONFIG_CHARS) throw new ConfigError(`the file is ${Math.round(text.length / 1024)} KiB, above the ${MAX_CONFIG_CHARS / 1024} KiB limit for a configuration file`, file);
  const deep = yamlTooDeep(text);
  if (deep !== undefined) throw new ConfigError(`nested too deeply (more than ${MAX_CONFIG_NESTING} levels of brackets or ${MAX_CONFIG_INDENT} columns of indentation)`, file, deep, 0);
  try {
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const p = lc.linePos(e.pos[0]);
      throw new ConfigError(`invalid YAML: ${e.message.split('\n')[0]}`, file, p.line - 1, p.col - 1);
    }
    return doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    if (e instanceof ReferenceError && /alias/i.test(e.message)) throw new ConfigError(`too many alias expansions (more than ${MAX_CONFIG_ALIASES}): refused`, file);
    if (e instanceof RangeError) throw new ConfigError('nested too deeply', file);
    throw new ConfigError(`invalid YAML: ${(e as Error).message}`, file);
  }
}

export function zodProblem(text: string, file: string | undefined, err: z.ZodError): ConfigError {
  const issue = err.issues[0];
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  const pos = yamlPathLine(text, issue.path as (string | number)[]);
  return new ConfigError(`${where}: ${issue.message}`, file, pos.line, pos.column);
}

/** Parses `.devops-guidance.yaml`. Throws ConfigError with a line when it is invalid. */
export function parseProjectConfig(text: string, file?: string): UserConfig {
  const raw = parseYamlText(text, file);
  const r = userConfigSchema().safeParse(raw);
  if (!r.success) throw zodProblem(text, file, r.error);
  return r.data;
}

/** Our project file. */
export const PROJECT_CONFIG_NAMES = ['.devops-guidance.yaml', '.devops-guidance.yml'];

/** Other tools' configuration files read for a kind, before the project file (for example a linter's own file). */
export function configFilesFor(kind: Kind): readonly ConfigFile[] {
  return LANGUAGES[kind].configFiles ?? [];
}


/**
 * Parses our project file (`.devops-guidance.yaml`) keeping what is valid: a bad
 * key or value is reported (every one, each with its line) and dropped, and the rest of the file still applies. A
 * YAML syntax error, or a file that is not a mapping, rejects the whole file (`config` undefined).
 */
export function parseConfigPartially(text: string, file?: string): { config?: UserConfig; errors: ConfigError[] } {
  let raw: unknown;
  try {
    raw = parseYamlText(text, file);
  } catch (e) {
    return { errors: [e instanceof ConfigError ? e : new ConfigError(String(e), file)] };
  }
  const errors: ConfigError[] = [];
  for (let round = 0; round < 100; round++) {
    const r = userConfigSchema().safeParse(raw);
    if (r.success) return { config: r.data, errors };
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

