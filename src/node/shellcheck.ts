/**
 * ShellCheck for Dockerfile RUN scripts, the Node half: find the binary, run it on each script with a timeout,
 * and hand the output to the pure mapping in src/core/dockerfile/shell/shellcheck.ts. Silent when the binary is
 * missing or fails: ShellCheck findings are an extra, never a reason for linting to break or hang.
 *
 * ShellCheck runs with the Dockerfile's folder as working directory, so a project's .shellcheckrc and the
 * SHELLCHECK_OPTS environment variable apply, as they would for the project's shell scripts.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Finding, ResolvedConfig } from '../core/index';
import { dockerfileModelOf } from '../core/dockerfile/language';
import {
  SHELLCHECK_EXCLUDED,
  parseShellcheckOutput,
  shellcheckFindings,
  shellcheckJobs,
  type ShellcheckComment,
  type ShellcheckJob,
} from '../core/dockerfile/shell/shellcheck';
import { parseVagrantfile } from '../core/vagrant/parse';
import { readPathScripts } from '../core/vagrant/shell';
import { vagrantShellcheckFindings, vagrantShellcheckJobs } from '../core/vagrant/shellcheck';
import type { LintEnv } from '../core/language';

export interface ShellcheckOptions {
  /** Path of the binary; found on PATH when omitted. */
  binary?: string;
  /** Working directory (the Dockerfile's folder), for .shellcheckrc. */
  cwd?: string;
  /** Per-script time limit. */
  timeoutMs?: number;
  /** Scripts checked at once by this call (default: the number of CPUs, at most 4); all calls share one process-wide cap too. */
  concurrency?: number;
  /** Aborted when the result is no longer wanted (the document changed): queued scripts are skipped, running ones killed. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 4 * 1024 * 1024;

let found: { path: string | undefined; key: string } | undefined;

/** The shellcheck binary on PATH, or undefined. Cached per PATH value. */
export function findShellcheck(pathEnv: string | undefined = process.env.PATH): string | undefined {
  const key = pathEnv ?? '';
  if (found && found.key === key) return found.path;
  const names = process.platform === 'win32' ? ['shellcheck.exe', 'shellcheck.cmd', 'shellcheck'] : ['shellcheck'];
  let path: string | undefined;
  outer: for (const dir of key.split(delimiter)) {
    if (!dir) continue;
    for (const n of names) {
      const p = join(dir, n);
      try {
        if (!statSync(p).isFile()) continue;
        if (process.platform !== 'win32') accessSync(p, constants.X_OK);
        path = p;
        break outer;
      } catch {
        // not here
      }
    }
  }
  found = { path, key };
  return path;
}

/**
 * Results per (binary, cwd, script): an edit re-runs ShellCheck only for the RUNs that changed. Least recently used
 * entries go first; the limit holds every RUN of a few very large Dockerfiles (a 2,000-RUN file fits with room).
 */
const cache = new Map<string, ShellcheckComment[]>();
export const SHELLCHECK_CACHE_LIMIT = 8000;

function remember(key: string, value: ShellcheckComment[]): void {
  cache.delete(key);
  if (cache.size >= SHELLCHECK_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

function recall(key: string): ShellcheckComment[] | undefined {
  const hit = cache.get(key);
  if (hit) {
    // most recently used last
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** Process-wide cap on ShellCheck processes: every document, version and caller shares it (no process storms). */
export const SHELLCHECK_MAX_PROCESSES = Math.min(4, Math.max(1, cpus().length));
let running = 0;
const queue: (() => void)[] = [];
/** The most processes that ran at once since start (for tests and the benchmark). */
export const shellcheckStats = { peak: 0, spawned: 0, cancelled: 0 };

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

/** Runs ShellCheck on one script; resolves undefined on any failure (missing binary, timeout, bad output). */
export async function runShellcheck(binary: string, job: ShellcheckJob, options: ShellcheckOptions = {}): Promise<ShellcheckComment[] | undefined> {
  const key = `${binary}\0${options.cwd ?? ''}\0${job.script}`;
  const hit = recall(key);
  if (hit) return hit;
  if (options.signal?.aborted) return undefined;
  await acquire();
  try {
    if (options.signal?.aborted) {
      shellcheckStats.cancelled++;
      return undefined;
    }
    return await spawnShellcheck(binary, job, key, options);
  } finally {
    release();
  }
}

function spawnShellcheck(binary: string, job: ShellcheckJob, key: string, options: ShellcheckOptions): Promise<ShellcheckComment[] | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (v: ShellcheckComment[] | undefined) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (v) remember(key, v);
      resolve(v);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(binary, ['-f', 'json1', '-e', SHELLCHECK_EXCLUDED.map((c) => c.slice(2)).join(','), '-'], {
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
      });
    } catch {
      resolve(undefined);
      return;
    }
    shellcheckStats.spawned++;
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
      done(parseShellcheckOutput(Buffer.concat(chunks).toString('utf8')));
    });
    child.stdin!.on('error', () => done(undefined));
    try {
      child.stdin!.end(job.script);
    } catch {
      child.kill('SIGKILL');
      done(undefined);
    }
  });
}

/**
 * ShellCheck findings for a Dockerfile's text. Resolves [] when ShellCheck is turned off
 * (`dockerfile.shellcheck: false`), when no binary is found, or when every run fails. The engine's parsers must be
 * loaded (`await ready('dockerfile')`).
 */
export async function shellcheckDockerfile(text: string, config: ResolvedConfig, options: ShellcheckOptions = {}): Promise<Finding[]> {
  if (!config.dockerfile.shellcheck || !config.enable.dockerfile) return [];
  const binary = options.binary ?? findShellcheck();
  if (!binary) return [];
  let m;
  try {
    m = dockerfileModelOf(text); // the model the engine's lint of this text just built, if it did
  } catch {
    return [];
  }
  const jobs = shellcheckJobs(m);
  if (!jobs.length) return [];
  const outputs: (ShellcheckComment[] | undefined)[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !options.signal?.aborted) {
      const i = next++;
      outputs[i] = await runShellcheck(binary, jobs[i], options);
    }
  };
  const parallel = options.concurrency ?? Math.min(4, Math.max(1, cpus().length));
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
  if (options.signal?.aborted) return [];
  try {
    return shellcheckFindings(m, jobs, outputs, config);
  } catch {
    return [];
  }
}

/**
 * ShellCheck findings for a Vagrantfile's provisioning scripts (inline and project `path:` scripts). Same switches
 * and guarantees as for Dockerfiles: [] when ShellCheck is off, missing or failing. `env` reads `path:` scripts.
 */
export async function shellcheckVagrantfile(text: string, config: ResolvedConfig, env: LintEnv, options: ShellcheckOptions = {}): Promise<Finding[]> {
  if (!config.dockerfile.shellcheck || !config.enable.vagrantfile) return [];
  const binary = options.binary ?? findShellcheck();
  if (!binary) return [];
  try {
    const m = readPathScripts(parseVagrantfile(text), env);
    const jobs = vagrantShellcheckJobs(m);
    if (!jobs.length) return [];
    const outputs: (ShellcheckComment[] | undefined)[] = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && !options.signal?.aborted) {
        const i = next++;
        outputs[i] = await runShellcheck(binary, jobs[i], options);
      }
    };
    const parallel = options.concurrency ?? Math.min(4, Math.max(1, cpus().length));
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
    if (options.signal?.aborted) return [];
    return vagrantShellcheckFindings(m, jobs, outputs, config);
  } catch {
    return [];
  }
}
