/**
 * ShellCheck for RUN scripts, the pure half: which scripts to check (as hadolint does: a `#!<shell>` line, then
 * `export NAME=1` for the stage's ARG and ENV names, then the RUN text), and how ShellCheck's JSON output
 * (`shellcheck -f json1 -`) becomes findings with exact Dockerfile ranges. Running the binary is the host's job
 * (src/node/shellcheck.ts); nothing here touches a process or the disk.
 */
import { compareFindings, type Finding, type Fix, type Severity, type TextEdit } from '../../finding';
import type { ResolvedConfig } from '../../config';
import { applySuppressions } from '../../suppress';
import { ruleMeta } from '../../registry';
import { dockerfileLanguage } from '../language';
import type { DockerfileModel } from '../model';
import { dockerfileShell } from './analysis';
import type { ShellSource } from '../../shell/source';
import { stagePlatform } from '../platform';

/** Warnings that make no sense for a RUN: sourced files (SC1090, SC1091) and "ash is checked as dash" (SC2187). */
export const SHELLCHECK_EXCLUDED = ['SC1090', 'SC1091', 'SC2187'];

/** Build args every RUN sees without declaring them. */
const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

/** Our shells as ShellCheck dialects; shells ShellCheck cannot check (zsh, yash) are skipped. */
const DIALECT: Record<string, string> = { sh: 'sh', bash: 'bash', dash: 'dash', ksh: 'ksh', mksh: 'ksh', ash: 'ash', busybox: 'sh' };

/**
 * ShellCheck's "undefined in POSIX sh" warnings for features BusyBox ash has (the shell of Alpine and BusyBox images):
 * `source` (SC3046), `[[ ]]` (SC3010), `$'…'` (SC3003), `${v:1:2}` (SC3057), `${v//a/b}` (SC3060), `set -o pipefail`
 * (SC3040), `echo -n/-e` (SC3037), `==` in `[` (SC3014), `&>` (SC3020). ShellCheck 0.9 has no BusyBox dialect.
 */
const BUSYBOX_ASH_SUPPORTS = ['SC3003', 'SC3010', 'SC3014', 'SC3020', 'SC3037', 'SC3040', 'SC3046', 'SC3057', 'SC3060'];

export interface ShellcheckJob {
  /** What ShellCheck reads on standard input. */
  script: string;
  /** ShellCheck dialect (`sh`, `bash`, `dash`, `ksh`, `ash`). */
  shell: string;
  /** Lines of `script` before the RUN text (the shebang and the exports). */
  headerLines: number;
  source: ShellSource;
}

/** The scripts of a Dockerfile to hand to ShellCheck: every shell-form RUN command line and every heredoc script. */
export function shellcheckJobs(m: DockerfileModel): ShellcheckJob[] {
  const jobs: ShellcheckJob[] = [];
  for (const run of dockerfileShell(m).runs) {
    if (run.form !== 'shell') continue;
    const names = [...new Set([...PROXY_VARS, ...run.env.keys()])].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
    const exports = names.map((n) => `export ${n}=1\n`).join('');
    const add = (source: ShellSource, program: string, dropShebang: boolean) => {
      const shell = DIALECT[program];
      if (!shell || !source.text.trim()) return;
      let body = source.text;
      if (dropShebang && body.startsWith('#!')) {
        const nl = body.search(/\r?\n/);
        body = nl < 0 ? '' : body.slice(nl);
      }
      // BusyBox ash (Alpine) runs /bin/sh there and has the bash features ShellCheck's sh dialect calls undefined
      const busybox = shell === 'sh' && program === 'sh' && stagePlatform(m, run.stage).kind === 'busybox';
      const header = `#!/bin/${shell}\n${busybox ? `# shellcheck disable=${BUSYBOX_ASH_SUPPORTS.join(',')}\n` : ''}${exports}`;
      jobs.push({ script: header + body, shell, headerLines: 1 + (busybox ? 1 : 0) + names.length, source });
    };
    const line = run.line;
    // skip a command line that only names the program reading a heredoc (`RUN <<EOF bash`, `RUN python3 <<EOF`)
    const readers = new Set(run.heredocs.map((h) => h.command).filter((c) => c && c.args.every((a) => a.text.startsWith('-'))));
    if (line && run.shell.posix && !line.hasError && line.commands.some((c) => !readers.has(c))) {
      add(line.source, run.shell.program, false);
    }
    for (const hd of run.heredocs) {
      if (hd.script && hd.body && hd.interpreter) add(hd.body, hd.interpreter, true);
    }
  }
  return jobs;
}

/** One comment of `shellcheck -f json1` output. */
export interface ShellcheckComment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix?: { replacements: { line: number; endLine: number; column: number; endColumn: number; replacement: string; insertionPoint?: string; precedence?: number }[] } | null;
}

/** Parses `shellcheck -f json1` output; undefined when it is not that format. */
export function parseShellcheckOutput(stdout: string): ShellcheckComment[] | undefined {
  try {
    const j = JSON.parse(stdout) as { comments?: unknown };
    if (!j || !Array.isArray(j.comments)) return undefined;
    return j.comments.filter(
      (c): c is ShellcheckComment =>
        !!c && typeof c === 'object' && typeof (c as ShellcheckComment).line === 'number' && typeof (c as ShellcheckComment).code === 'number',
    );
  } catch {
    return undefined;
  }
}

const LEVEL: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** Logical offset in `text` of ShellCheck's 1-based (line, column); columns count code points. Undefined when outside. */
function offsetOf(text: string, lineStarts: number[], line: number, column: number): number | undefined {
  if (line < 0 || line >= lineStarts.length) return undefined;
  const start = lineStarts[line];
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  let off = start;
  for (let k = 1; k < column && off < end; k++) {
    const c = text.charCodeAt(off);
    off += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return Math.min(off, end);
}

function starts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/**
 * ShellCheck comments for one job as findings. User severities (`SC2086: off` in the config) and the inline
 * suppressions are applied by `shellcheckFindings`.
 */
export function commentsToFindings(job: ShellcheckJob, comments: ShellcheckComment[]): Finding[] {
  const text = job.source.text;
  const ls = starts(text);
  const out: Finding[] = [];
  const pos = (line: number, column: number) => offsetOf(text, ls, line - 1 - job.headerLines, column);
  for (const c of comments) {
    const code = `SC${c.code}`;
    if (SHELLCHECK_EXCLUDED.includes(code)) continue;
    const s = pos(c.line, c.column);
    const e = pos(c.endLine ?? c.line, c.endColumn ?? c.column);
    if (s === undefined) continue;
    const end = e !== undefined && e >= s ? e : s;
    const f: Finding = {
      code,
      name: 'shellcheck',
      severity: LEVEL[c.level] ?? 'warning',
      message: `${c.message} (ShellCheck ${code})`,
      range: job.source.range(s, end),
    };
    const fix = toFix(job, c, pos);
    if (fix) f.fixes = [fix];
    out.push(f);
  }
  return out;
}

function toFix(job: ShellcheckJob, c: ShellcheckComment, pos: (line: number, column: number) => number | undefined): Fix | undefined {
  const reps = c.fix?.replacements;
  if (!reps?.length) return undefined;
  const edits: TextEdit[] = [];
  for (const r of reps) {
    const s = pos(r.line, r.column);
    const e = pos(r.endLine, r.endColumn);
    if (s === undefined || e === undefined || e < s) return undefined;
    const start = job.source.lines.positionAt(job.source.physical(s));
    const end = e > s ? job.source.lines.positionAt(job.source.physicalEnd(e)) : start;
    edits.push({ range: { start, end }, newText: r.replacement });
  }
  return { title: `Apply ShellCheck's fix for SC${c.code}`, safe: false, edits };
}

/** The user's severity for an SC code (`rules: { SC2086: off }`), if set. */
export function shellcheckSeverity(config: ResolvedConfig, code: string): Severity | 'off' | undefined {
  const rules = config.rules ?? {};
  for (const [k, v] of Object.entries(rules)) {
    if (k.toLowerCase() === code.toLowerCase() || k.toLowerCase() === 'shellcheck') return v;
  }
  return undefined;
}

/**
 * Findings for a Dockerfile from ShellCheck's outputs (one per job, undefined when ShellCheck did not run for it),
 * with user severities and the file's inline suppressions (`# hadolint ignore=SC2086`, ours, global and stage
 * forms) applied, sorted by position.
 */
export function shellcheckFindings(m: DockerfileModel, jobs: ShellcheckJob[], outputs: (string | ShellcheckComment[] | undefined)[], config: ResolvedConfig): Finding[] {
  const all: Finding[] = [];
  jobs.forEach((job, i) => {
    const out = outputs[i];
    const comments = typeof out === 'string' ? parseShellcheckOutput(out) : out;
    if (!comments) return;
    for (const f of commentsToFindings(job, comments)) {
      const sev = shellcheckSeverity(config, f.code);
      if (sev === 'off') continue;
      if (sev) f.severity = sev;
      all.push(f);
    }
  });
  const kept = applySuppressions(all, dockerfileLanguage.suppression(m, config), ruleMeta);
  return kept.sort(compareFindings);
}
