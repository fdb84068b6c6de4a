/**
 * ShellCheck, the Node half: find the binary and run it on one script with a timeout and an output limit. Which
 * scripts, and what the output means, is the engine's (src/core/pipeline.ts and each kind's Language.shellcheck);
 * this file names no kind. Silent when the binary is missing or fails: ShellCheck findings are an extra, never a
 * reason for linting to break or hang.
 *
 * ShellCheck runs with the linted file's folder as working directory, so a project's .shellcheckrc and the
 * SHELLCHECK_OPTS environment variable apply, as they would for the project's shell scripts.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { lintAndCheck, shellcheckText, type ExternalTools, type Finding, type Kind, type LintEnv, type ResolvedConfig, type ShellcheckRunner } from '../core/index';

export interface ShellcheckOptions {
  /** Path of the binary; found on PATH when omitted. */
  binary?: string;
  /** Working directory (the linted file's folder), for .shellcheckrc. */
  cwd?: string;
  /** Per-script time limit. */
  timeoutMs?: number;
  /** Scripts checked at once (default: the number of CPUs, at most 4); every caller also shares one process-wide cap. */
  concurrency?: number;
  /** Aborted when the result is no longer wanted (the document changed): scripts not started are skipped, running ones killed. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 4 * 1024 * 1024;

let found: { path: string | undefined; key: string } | undefined;

/**
 * The shellcheck binary on PATH, as an absolute path, or undefined. Cached per PATH value and name. Only absolute
 * PATH entries are searched: an empty or relative entry (`.`, `bin`, `node_modules/.bin`) would find a program in
 * the folder being linted — the repository under review must never supply the program that reviews it.
 */
export function findShellcheck(pathEnv: string | undefined = process.env.PATH, name = 'shellcheck'): string | undefined {
  const key = `${name}\0${pathEnv ?? ''}`;
  if (found && found.key === key) return found.path;
  const names = process.platform === 'win32' && !/\.(exe|cmd|bat)$/i.test(name) ? [`${name}.exe`, `${name}.cmd`, name] : [name];
  let path: string | undefined;
  outer: for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const n of names) {
      const p = join(dir, n);
      if (isExecutableFile(p)) {
        path = p;
        break outer;
      }
    }
  }
  found = { path, key };
  return path;
}

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    if (process.platform !== 'win32') accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The program a configured ShellCheck setting means, as an absolute path: a bare name is looked up on the absolute
 * PATH entries, an absolute path is taken as is; a relative path (`./shellcheck`, `tools/shellcheck`) is refused,
 * since it would resolve inside whatever folder the process runs in. Undefined when nothing usable is found.
 */
export function resolveShellcheck(setting: string | undefined, pathEnv: string | undefined = process.env.PATH): string | undefined {
  if (!setting) return findShellcheck(pathEnv);
  if (isAbsolute(setting)) return isExecutableFile(setting) ? setting : undefined;
  if (/[\\/]/.test(setting)) return undefined;
  return findShellcheck(pathEnv, setting);
}

/** Outputs per (binary, cwd, excluded codes, script): an edit re-runs ShellCheck only for the scripts that changed. */
const cache = new Map<string, string>();
/** Least recently used entries go first; the limit holds every RUN of a few very large Dockerfiles (a 2,000-RUN file fits with room). */
export const SHELLCHECK_CACHE_LIMIT = 8000;
let spawned = 0;

/** Process-wide cap on ShellCheck processes: every document, version and caller shares it (no process storms). */
export const SHELLCHECK_MAX_PROCESSES = Math.min(4, Math.max(1, cpus().length));
let running = 0;
const queue: (() => void)[] = [];
/** The most processes that ran at once, and how many runs were cancelled (for tests and the benchmark). */
export const shellcheckStats = { peak: 0, cancelled: 0, get spawned() { return spawned; } };

function acquire(): Promise<void> {
  if (running < SHELLCHECK_MAX_PROCESSES) {
    running++;
    shellcheckStats.peak = Math.max(shellcheckStats.peak, running);
    return Promise.resolve();
  }
  return new Promise((resolve) => queue.push(resolve));
}

function release(): void {
  const next = queue.shift();
  if (next) next(); // the slot passes on: `running` stays
  else running--;
}

/** How many ShellCheck processes this process started (a cache hit starts none). */
export function shellcheckSpawnCount(): number {
  return spawned;
}

function remember(key: string, value: string): void {
  if (key.length > 64 * 1024) return; // a huge script is not kept: thousands of them would hold too much memory
  cache.delete(key);
  if (cache.size >= SHELLCHECK_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

/**
 * Runs ShellCheck on one script (`-f json1`, `-e` the excluded codes, the script on standard input); resolves its
 * standard output, or undefined on any failure (missing binary, timeout, exit status other than 0 or 1, output
 * that is not JSON, more than 4 MiB of output).
 */
export function runShellcheck(binary: string, script: string, exclude: readonly string[] = [], options: ShellcheckOptions = {}): Promise<string | undefined> {
  const codes = exclude.map((c) => c.replace(/^SC/i, '')).filter((c) => /^\d+$/.test(c));
  const key = `${binary}\0${options.cwd ?? ''}\0${codes.join(',')}\0${script}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return Promise.resolve(hit);
  }
  return capped(binary, codes, script, key, options);
}

async function capped(binary: string, codes: string[], script: string, key: string, options: ShellcheckOptions): Promise<string | undefined> {
  if (options.signal?.aborted) return undefined;
  await acquire();
  try {
    if (options.signal?.aborted) {
      shellcheckStats.cancelled++;
      return undefined;
    }
    return await spawnShellcheck(binary, codes, script, key, options);
  } finally {
    release();
  }
}

function spawnShellcheck(binary: string, codes: string[], script: string, key: string, options: ShellcheckOptions): Promise<string | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (v: string | undefined) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (v !== undefined) remember(key, v);
      resolve(v);
    };
    let child: ReturnType<typeof spawn>;
    try {
      spawned++;
      child = spawn(binary, ['-f', 'json1', ...(codes.length ? ['-e', codes.join(',')] : []), '-'], {
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
      });
    } catch {
      resolve(undefined);
      return;
    }
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(undefined);
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const onAbort = () => {
      shellcheckStats.cancelled++;
      child.kill('SIGKILL');
      done(undefined);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('exit', () => options.signal?.removeEventListener('abort', onAbort));
    const chunks: Buffer[] = [];
    let size = 0;
    child.stdout!.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT) {
        child.kill('SIGKILL');
        done(undefined);
        return;
      }
      chunks.push(b);
    });
    child.on('error', () => done(undefined));
    child.on('close', (code) => {
      // 0: no comments, 1: comments; anything else is a usage or internal error
      if (code !== 0 && code !== 1) return done(undefined);
      const out = Buffer.concat(chunks).toString('utf8');
      done(isJson(out) ? out : undefined);
    });
    child.stdin!.on('error', () => done(undefined));
    try {
      child.stdin!.end(script);
    } catch {
      child.kill('SIGKILL');
      done(undefined);
    }
  });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The engine's external tools for a file: ShellCheck when a binary is given or found on PATH. */
export function nodeTools(options: ShellcheckOptions = {}): ExternalTools {
  const binary = resolveShellcheck(options.binary);
  const shellcheck: ShellcheckRunner | undefined = binary ? (script, exclude) => runShellcheck(binary, script, exclude, options) : undefined;
  return { shellcheck, concurrency: options.concurrency ?? Math.min(4, Math.max(1, cpus().length)) };
}

/** ShellCheck findings for a text of any kind (see shellcheckText in src/core/pipeline.ts); `env` reads script files. */
export function shellcheckFile(text: string, kind: Kind, config: ResolvedConfig, options: ShellcheckOptions = {}, env: LintEnv = {}): Promise<Finding[]> {
  return shellcheckText(text, kind, config, nodeTools(options), env);
}

/** ShellCheck findings for a Dockerfile's text (the engine's parsers loaded); [] when off, missing or failing. */
export function shellcheckDockerfile(text: string, config: ResolvedConfig, options: ShellcheckOptions = {}): Promise<Finding[]> {
  return shellcheckFile(text, 'dockerfile', config, options);
}

/**
 * ShellCheck findings for a Vagrantfile's provisioning scripts (inline and project `path:` scripts, read through
 * `env`); [] when ShellCheck is off, missing or failing.
 */
export function shellcheckVagrantfile(text: string, config: ResolvedConfig, env: LintEnv, options: ShellcheckOptions = {}): Promise<Finding[]> {
  return shellcheckFile(text, 'vagrantfile', config, options, env);
}

/** lint, then ShellCheck, then merge: the engine's pipeline with Node's tools. */
export function lintFile(text: string, kind: Kind, config: ResolvedConfig, env: LintEnv, options: ShellcheckOptions = {}, onLint?: (findings: Finding[]) => void | boolean): Promise<Finding[]> {
  return lintAndCheck(text, kind, config, env, nodeTools(options), onLint);
}
