/** Node-side glue shared by the CLI, the extension and the tests: assets from disk, config discovery, include reading. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { isInside, isPseudoPath, readTextFileSafe } from './safefs';
import { dirname, join, resolve } from 'node:path';
import { setPrismGuard, setPublicPrismLoader } from '../core/vagrant/prism';
import { publicPrismLoader } from './prism-public';
import { prismGuard } from './prism-guard';
import {
  setAssetLoader,
  defaultConfig,
  mergeConfig,
  parseConfigPartially,
  configFilesFor,
  ConfigError,
  PROJECT_CONFIG_NAMES,
  type LintEnv,
  type ResolvedConfig,
  type UserConfig,
  type Kind,
} from '../core/index';

/**
 * Reads engine assets (WASM, kb.json, references) from the folder the bundle ships them in, and offers the Ruby
 * parser's public entry point as the fallback when its internal one fails its self-check (prism-public.ts).
 */
export function installNodeAssets(distDir: string): void {
  setPublicPrismLoader(publicPrismLoader(distDir));
  setPrismGuard(prismGuard(distDir));
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

/** Upper bound for files read through includes, so a link to a huge log cannot stall the host. */
const MAX_INCLUDE_BYTES = 4 * 1024 * 1024;
/** Folders that mark a project's root, for a file linted without an explicit root. */
const PROJECT_MARKERS = ['.git', '.hg', '.svn', ...PROJECT_CONFIG_NAMES];

/**
 * The project a file belongs to when the caller names none: the nearest ancestor folder holding a version-control
 * folder or a project config file, else the file's own folder.
 */
export function projectRootOf(fileName: string): string {
  const dir = dirname(resolve(fileName));
  const found = findUp(dir, PROJECT_MARKERS);
  return found ? dirname(found) : dir;
}

/**
 * File access for the parsers that follow includes. Nothing outside `root` is read: an include there is reported
 * as not followed (outside the project). `root` defaults to the linted file's project (projectRootOf); the CLI
 * passes the current folder or --include-root, tests a fixture folder. Without a file name and a root nothing is
 * read at all. Only regular files, size-checked before reading (see safefs.ts).
 */
export function nodeEnv(fileName?: string, options: { root?: string } = {}): LintEnv {
  const rootPath = options.root ?? (fileName ? projectRootOf(fileName) : undefined);
  if (!rootPath) return { fileName };
  const root = resolve(rootPath);
  const allows = (p: string) => isInside(root, p) && !isPseudoPath(resolve(p));
  return {
    fileName,
    allows,
    readFile(path) {
      if (!allows(path)) return undefined;
      const r = readTextFileSafe(path, MAX_INCLUDE_BYTES);
      // a symbolic link inside the project may point outside it: the real path must be inside too
      return 'text' in r && allows(r.path) ? r.text : undefined;
    },
    listDir(path) {
      if (!allows(path)) return undefined;
      try {
        if (!statSync(path).isDirectory()) return undefined;
        return readdirSync(path).sort();
      } catch {
        return undefined;
      }
    },
  };
}

/** The top folder of the repository (git, Mercurial, Subversion) holding `dir`, if any. */
export function vcsRootOf(dir: string): string | undefined {
  const marker = findUp(dir, ['.git', '.hg', '.svn']);
  return marker ? dirname(marker) : undefined;
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

/** No configuration file is this large; above it, it is refused unread. */
const MAX_CONFIG_BYTES = 256 * 1024;

/** Parsed config files remembered (by path; re-read when their mtime or size changes), oldest first out. */
const MAX_CONFIG_CACHE = 500;
const fileCache = new Map<string, { mtimeMs: number; size: number; value: ReadConfig }>();

/** A configuration file as read: what of it applies (undefined when nothing does), and every problem in it. */
interface ReadConfig {
  config?: UserConfig;
  errors: ConfigError[];
}

type ConfigParser = (text: string, file?: string) => ReadConfig;

/** Another tool's file (`.hadolint.yaml`): all or nothing, as that tool reads it. */
const whole =
  (parse: (text: string, file?: string) => UserConfig): ConfigParser =>
  (text, file) => ({ config: parse(text, file), errors: [] });

function readConfigFile(path: string, parse: ConfigParser): ReadConfig {
  try {
    const st = statSync(path);
    const cached = fileCache.get(path);
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.value;
    let value: ReadConfig;
    try {
      // a FIFO, a device, /dev/zero or a huge file is refused before anything is read
      const r = readTextFileSafe(path, MAX_CONFIG_BYTES);
      if ('error' in r) throw new ConfigError(r.error, path);
      // our project file: one bad key is reported and dropped, the rest still applies
      value = parse(r.text, path);
    } catch (e) {
      value = { errors: [e instanceof ConfigError ? e : new ConfigError(String((e as Error).message ?? e), path)] };
    }
    if (fileCache.size >= MAX_CONFIG_CACHE) fileCache.delete(fileCache.keys().next().value as string);
    fileCache.set(path, { mtimeMs: st.mtimeMs, size: st.size, value });
    return value;
  } catch (e) {
    return { errors: [new ConfigError(`cannot read: ${(e as Error).message}`, path)] };
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
  // discovery goes no higher than the caller's root (workspace folder, the CLI's project), else than the top of
  // the repository holding the file; only a file outside any repository is looked up to the file system's root
  const stopAt = options.stopAt ?? vcsRootOf(dir);
  const take = (path: string | undefined, parse: ConfigParser) => {
    if (!path) return;
    const v = readConfigFile(path, parse);
    errors.push(...v.errors);
    if (v.config) {
      layers.push(v.config);
      sources.push(path);
    }
  };
  for (const other of configFilesFor(kind)) take(findUp(dir, other.names, stopAt), whole((text, file) => other.parse(text, file)));
  const projectPath = options.configFile ? resolve(options.configFile) : findUp(dir, PROJECT_CONFIG_NAMES, stopAt);
  take(projectPath, parseConfigPartially);
  const projectFile = projectPath && sources[sources.length - 1] === projectPath ? projectPath : undefined;
  const project = projectFile ? layers[layers.length - 1] : undefined;
  if (options.settings) layers.push(options.settings);
  if (options.cli) layers.push(options.cli);
  const config = mergeConfig(defaultConfig(), ...layers);
  // The option-file target: the command line, then the project file, then the editor setting ("auto" = none).
  const named = (u: UserConfig | undefined) => (u?.mysql?.target && u.mysql.target !== 'auto' ? u.mysql.target : undefined);
  const pick: [ReturnType<typeof named>, string][] = [
    [named(options.cli), '--mysql-target'],
    [projectFile ? named(project) : undefined, projectFile ? projectFile.split(/[\\/]/).pop()! : ''],
    [named(options.settings), 'the devopsGuidance.mysql.target setting'],
  ];
  const chosen = pick.find(([t]) => t);
  if (chosen) {
    config.mysqlTarget = chosen[0];
    config.mysqlTargetFrom = chosen[1];
  }
  return { config, sources, errors };
}

export function clearConfigCache(): void {
  fileCache.clear();
}
