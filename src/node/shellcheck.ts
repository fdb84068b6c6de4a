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
  /** Scripts checked at once (default: the number of CPUs, at most 4). */
  concurrency?: number;
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

/** Results per (binary, cwd, script): an edit re-runs ShellCheck only for the RUNs that changed. */
const cache = new Map<string, ShellcheckComment[]>();
const CACHE_LIMIT = 1000;

function remember(key: string, value: ShellcheckComment[]): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

/** Runs ShellCheck on one script; resolves undefined on any failure (missing binary, timeout, bad output). */
export function runShellcheck(binary: string, job: ShellcheckJob, options: ShellcheckOptions = {}): Promise<ShellcheckComment[] | undefined> {
  const key = `${binary}\0${options.cwd ?? ''}\0${job.script}`;
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
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
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(undefined);
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
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
    while (next < jobs.length) {
      const i = next++;
      outputs[i] = await runShellcheck(binary, jobs[i], options);
    }
  };
  const parallel = options.concurrency ?? Math.min(4, Math.max(1, cpus().length));
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
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
      while (next < jobs.length) {
        const i = next++;
        outputs[i] = await runShellcheck(binary, jobs[i], options);
      }
    };
    const parallel = options.concurrency ?? Math.min(4, Math.max(1, cpus().length));
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, worker));
    return vagrantShellcheckFindings(m, jobs, outputs, config);
  } catch {
    return [];
  }
}
