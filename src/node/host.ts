/** Node-side glue shared by the CLI, the extension and the tests: assets from disk, config discovery, include reading. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import {
  setAssetLoader,
  defaultConfig,
  mergeConfig,
  parseProjectConfig,
  configFilesFor,
  ConfigError,
  PROJECT_CONFIG_NAMES,
  type LintEnv,
  type ResolvedConfig,
  type UserConfig,
  type Kind,
} from '../core/index';

/** Reads engine assets (WASM, kb.json, references) from the folder the bundle ships them in. */
export function installNodeAssets(distDir: string): void {
  const cache = new Map<string, Uint8Array>();
  setAssetLoader((name) => {
    let b = cache.get(name);
    if (!b) {
      b = new Uint8Array(readFileSync(join(distDir, name)));
      cache.set(name, b);
    }
    return b;
  });
}

/** Upper bound for files read through includes, so a link to /dev/zero or a huge log cannot stall the host. */
const MAX_INCLUDE_BYTES = 4 * 1024 * 1024;

/**
 * File access for the parsers that follow includes. With `root`, nothing outside that folder is read (tests use it
 * so results do not depend on the machine's /etc).
 */
export function nodeEnv(fileName?: string, options: { root?: string } = {}): LintEnv {
  const root = options.root ? resolve(options.root) : undefined;
  const inside = (p: string) => !root || resolve(p) === root || resolve(p).startsWith(root + sep);
  return {
    fileName,
    readFile(path) {
      if (!inside(path)) return undefined;
      try {
        const st = statSync(path);
        if (!st.isFile() || st.size > MAX_INCLUDE_BYTES) return undefined;
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(path) {
      if (!inside(path)) return undefined;
      try {
        return readdirSync(path).sort();
      } catch {
        return undefined;
      }
    },
  };
}

/** The nearest ancestor folder (starting at `dir`) holding one of `names`; returns that file's path. */
export function findUp(dir: string, names: string[], stopAt?: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    for (const n of names) {
      const p = join(d, n);
      if (existsSync(p)) return p;
    }
    if (stopAt && resolve(stopAt) === d) return undefined;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

export interface ConfigResult {
  config: ResolvedConfig;
  /** Files that were read, in merge order. */
  sources: string[];
  errors: ConfigError[];
}

const fileCache = new Map<string, { mtimeMs: number; size: number; value: UserConfig | ConfigError }>();

type ConfigParser = (text: string, file?: string) => UserConfig;

function readConfigFile(path: string, parse: ConfigParser): UserConfig | ConfigError {
  try {
    const st = statSync(path);
    const cached = fileCache.get(path);
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.value;
    let value: UserConfig | ConfigError;
    try {
      const text = readFileSync(path, 'utf8');
      value = parse(text, path);
    } catch (e) {
      value = e instanceof ConfigError ? e : new ConfigError(String((e as Error).message ?? e), path);
    }
    fileCache.set(path, { mtimeMs: st.mtimeMs, size: st.size, value });
    return value;
  } catch (e) {
    return new ConfigError(`cannot read: ${(e as Error).message}`, path);
  }
}

/**
 * The configuration for one file: defaults ← the kind's other configuration files, nearest each (Language.configFiles:
 * `.hadolint.yaml` for Dockerfiles) ← nearest `.devops-guidance.yaml` (or the explicit `configFile`) ← editor
 * settings ← CLI flags.
 */
export function configFor(
  file: string | undefined,
  kind: Kind,
  options: { configFile?: string; settings?: UserConfig; cli?: UserConfig; stopAt?: string } = {},
): ConfigResult {
  const sources: string[] = [];
  const errors: ConfigError[] = [];
  const layers: UserConfig[] = [];
  const dir = file ? dirname(resolve(file)) : process.cwd();
  const take = (path: string | undefined, parse: ConfigParser) => {
    if (!path) return;
    const v = readConfigFile(path, parse);
    if (v instanceof ConfigError) errors.push(v);
    else {
      layers.push(v);
      sources.push(path);
    }
  };
  for (const other of configFilesFor(kind)) take(findUp(dir, other.names, options.stopAt), other.parse);
  take(options.configFile ? resolve(options.configFile) : findUp(dir, PROJECT_CONFIG_NAMES, options.stopAt), parseProjectConfig);
  if (options.settings) layers.push(options.settings);
  if (options.cli) layers.push(options.cli);
  return { config: mergeConfig(defaultConfig(), ...layers), sources, errors };
}

export function clearConfigCache(): void {
  fileCache.clear();
}
