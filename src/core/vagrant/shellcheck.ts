/**
 * ShellCheck for provisioning scripts, the pure half (the Node half runs the binary: src/node/shellcheck.ts):
 * the scripts to check (each inline script and project `path:` script the shell rules read, as bash unless its
 * shebang names sh or dash) and the mapping of `shellcheck -f json1` comments back to the Vagrantfile. Comments in
 * an inline script land on its text; comments in a `path:` script land on the `path:` value, with the script's line
 * in the message and a related location in the script. A masked interpolation (`${___}`) is a plain expansion to
 * ShellCheck, so SC2154 (unassigned variable) is dropped for those masks. ShellCheck's own fixes are offered for
 * inline scripts only, and never when they would touch a masked interpolation.
 */
import type { Finding, Severity } from '../finding';
import type { ResolvedConfig } from '../config';
import { compareFindings } from '../finding';
import { ruleMeta } from '../registry';
import { applySuppressions } from '../suppress';
import type { ShellSource } from '../shell/source';
import type { VagrantModel } from './model';
import { provisionShells, type ProvisionShell } from './shell';

/** The same exclusions as for Dockerfiles: sourced files ShellCheck cannot follow, and SC2187 (ash). */
export const VAGRANT_SHELLCHECK_EXCLUDED = ['SC1090', 'SC1091', 'SC2187'];

export interface VagrantShellcheckJob {
  script: string;
  shell: string;
  headerLines: number;
  source: ShellSource;
  shellUse: ProvisionShell;
}

interface Comment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

export function vagrantShellcheckJobs(m: VagrantModel): VagrantShellcheckJob[] {
  const jobs: VagrantShellcheckJob[] = [];
  for (const s of provisionShells(m)) {
    const text = s.source.text;
    if (!text.trim() || s.script.hasError) continue;
    const first = text.replace(/^\s+/, '').split('\n', 1)[0];
    const shell = /^#!.*\b(?:sh|dash)\s*$/.test(first) && !/bash/.test(first) ? 'sh' : 'bash';
    let body = text;
    const lead = body.length - body.replace(/^\s+/, '').length;
    if (body.slice(lead).startsWith('#!')) {
      // keep the line count: blank the shebang instead of removing it
      const nl = body.indexOf('\n', lead);
      body = body.slice(0, lead) + ' '.repeat((nl < 0 ? body.length : nl) - lead) + (nl < 0 ? '' : body.slice(nl));
    }
    jobs.push({ script: `#!/bin/${shell}\n${body}`, shell, headerLines: 1, source: s.source, shellUse: s });
  }
  return jobs;
}

function parseOutput(stdout: string): Comment[] | undefined {
  try {
    const j = JSON.parse(stdout) as { comments?: unknown };
    return j && Array.isArray(j.comments) ? (j.comments.filter((c) => c && typeof c === 'object' && typeof (c as Comment).line === 'number') as Comment[]) : undefined;
  } catch {
    return undefined;
  }
}

const LEVEL: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

function offsetOf(text: string, starts: number[], line: number, column: number): number | undefined {
  if (line < 0 || line >= starts.length) return undefined;
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  let off = starts[line];
  for (let k = 1; k < column && off < end; k++) off += text.charCodeAt(off) >= 0xd800 && text.charCodeAt(off) <= 0xdbff ? 2 : 1;
  return Math.min(off, end);
}

/** Findings from ShellCheck's outputs (one per job; undefined when it did not run), with severities and suppressions applied. */
export function vagrantShellcheckFindings(m: VagrantModel, jobs: VagrantShellcheckJob[], outputs: (string | readonly Comment[] | undefined)[], config: ResolvedConfig): Finding[] {
  const all: Finding[] = [];
  jobs.forEach((job, i) => {
    const out = outputs[i];
    const comments = typeof out === 'string' ? parseOutput(out) : out;
    if (!comments) return;
    const text = job.source.text;
    const starts = [0];
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
    for (const c of comments) {
      const code = `SC${c.code}`;
      if (VAGRANT_SHELLCHECK_EXCLUDED.includes(code)) continue;
      const s = offsetOf(text, starts, c.line - 1 - job.headerLines, c.column);
      const e = offsetOf(text, starts, (c.endLine ?? c.line) - 1 - job.headerLines, c.endColumn ?? c.column);
      if (s === undefined) continue;
      const end = e !== undefined && e >= s ? e : s;
      const word = text.slice(s, Math.max(end, s + 1));
      if (/^\$\{_+\}|^\$__/.test(word) || (code === 'SC2154' && /_{1,}/.test(c.message) && /\$\{_+\}|\$__/.test(text.slice(Math.max(0, s - 1), end + 1)))) continue;
      let sev: Severity | 'off' | undefined;
      for (const [k, v] of Object.entries(config.rules ?? {})) if (k.toLowerCase() === code.toLowerCase() || k.toLowerCase() === 'shellcheck') sev = v;
      if (sev === 'off') continue;
      const range = job.source.range(s, end);
      const message = `${c.message} (ShellCheck ${code})`;
      const ext = job.shellUse.external;
      all.push({
        code,
        name: 'shellcheck',
        severity: sev ?? LEVEL[c.level] ?? 'warning',
        message: ext ? `${ext.path}, line ${range.start.line + 1}: ${message}` : message,
        range: ext ? ext.at : range,
        related: ext ? [{ message: 'in the script', range, file: ext.file }] : undefined,
      });
    }
  });
  const lang = { comments: m.comments, units: m.units };
  return applySuppressions(all, lang, ruleMeta).sort(compareFindings);
}
