/**
 * The one "lint, then ShellCheck, then merge" sequence, used by the CLI and the editor (and the language server).
 * The engine cannot run programs: the host injects a ShellCheck runner (src/node/shellcheck.ts has the Node one).
 * Which scripts a kind hands to ShellCheck, and how the output maps back to findings, is the kind's
 * (Language.shellcheck); this file only sequences, runs jobs a few at a time and merges.
 */
import { compareFindings, type Finding, type Kind } from './finding';
import type { ResolvedConfig } from './config';
import type { LintEnv } from './language';
import { lint } from './engine';
import { language } from './registry';
import { recallParse } from './parsecache';

/**
 * Runs ShellCheck on one script (`shellcheck -f json1 -e <exclude> -`) and resolves its standard output, or
 * undefined when it could not run (missing binary, timeout, crash). Never rejects.
 */
export type ShellcheckRunner = (script: string, exclude: readonly string[]) => Promise<string | undefined>;

export interface ExternalTools {
  /** Absent: no ShellCheck (not installed, turned off, untrusted workspace). */
  shellcheck?: ShellcheckRunner;
  /** Scripts checked at once (default 4). */
  concurrency?: number;
}

/**
 * ShellCheck's findings for a text: [] when the kind has no shell scripts, the configuration turns ShellCheck off,
 * no runner is given, or every run fails. User severities and the file's inline suppressions are applied. The
 * kind's parser must be loaded (`await ready(kind)`). Never rejects.
 */
export async function shellcheckText(text: string, kind: Kind, config: ResolvedConfig, tools: ExternalTools, env: LintEnv = {}): Promise<Finding[]> {
  const run = tools.shellcheck;
  const support = language(kind).shellcheck;
  if (!run || !support) return [];
  try {
    if (!support.enabled(config)) return [];
    // the model the lint of this text just built (parsecache.ts) is the one ShellCheck's jobs are read from
    const model = (recallParse(kind, text, env, config) as Parameters<typeof support.jobs>[0] | undefined) ?? support.model(text, env);
    const jobs = support.jobs(model);
    if (!jobs.length) return [];
    const outputs: (string | undefined)[] = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const i = next++;
        outputs[i] = await run(jobs[i].script, support.exclude).catch(() => undefined);
      }
    };
    const parallel = Math.max(1, Math.min(tools.concurrency ?? 4, jobs.length));
    await Promise.all(Array.from({ length: parallel }, worker));
    return support.findings(model, jobs, outputs, config);
  } catch {
    return [];
  }
}

/**
 * Lints a text, hands the engine's findings to `onLint` at once (an editor shows them while ShellCheck runs), then
 * adds ShellCheck's findings in position order. Resolves the engine's findings alone (the same array) when
 * ShellCheck adds nothing, or when `onLint` returns false (the text is stale: ShellCheck is not run).
 */
export async function lintAndCheck(
  text: string,
  kind: Kind,
  config: ResolvedConfig,
  env: LintEnv,
  tools: ExternalTools,
  onLint?: (findings: Finding[]) => void | boolean,
): Promise<Finding[]> {
  const findings = lint(text, kind, config, env);
  if (onLint?.(findings) === false) return findings;
  const sc = await shellcheckText(text, kind, config, tools, env);
  return sc.length ? [...findings, ...sc].sort(compareFindings) : findings;
}
