import { compareFindings, SEVERITY_RANK, type Finding, type Kind, type Severity, type SeveritySetting } from './finding';
import { defaultConfig, type ResolvedConfig } from './config';
import type { LintEnv, Language } from './language';
import type { Report, RuleContext, RuleMeta } from './rule';
import { applySuppressions } from './suppress';
import { FILE_NOT_LINTED, INTERNAL_ERROR } from './general';
import { language, ruleMeta, severitySettingFor } from './registry';

export type { LintEnv } from './language';

/**
 * Files above these sizes are not linted: no hand-written config is this large (the biggest real ones we know: a
 * 78 KiB Dockerfile, a 44 KiB Vagrantfile), and parsing one would block the editor for about a second or more
 * (dockerfile-ast reads ~1 MB/s, Prism's JavaScript deserializer ~0.3 MB/s).
 */
export const MAX_TEXT_LENGTH: Record<Kind, number> = {
  dockerfile: 1024 * 1024,
  mycnf: 2 * 1024 * 1024,
  vagrantfile: 256 * 1024,
};

/** Loads the parsers one kind needs (or all). Call once before linting; later calls resolve at once. */
export async function ready(kind?: Kind): Promise<void> {
  const kinds: Kind[] = kind ? [kind] : ['dockerfile', 'mycnf', 'vagrantfile'];
  await Promise.all(kinds.map((k) => language(k).ready()));
}

function engineFinding(meta: RuleMeta, message: string, severity?: Severity): Finding {
  return {
    code: meta.code,
    name: meta.name,
    severity: severity ?? (meta.severity === 'off' ? 'info' : meta.severity),
    message,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** A quick check for binary content: NUL bytes near the start. */
export function looksBinary(text: string): boolean {
  const probe = text.length > 8192 ? text.slice(0, 8192) : text;
  return probe.includes('\u0000');
}

/**
 * Lints one file's text. Never throws: a failing parser or rule becomes one DG001 finding.
 * Findings are sorted by position, with user severity overrides and inline suppressions applied.
 */
export function lint(text: string, kind: Kind, config: ResolvedConfig = defaultConfig(), env: LintEnv = {}): Finding[] {
  try {
    if (!config.enable[kind]) return [];
    if (looksBinary(text)) return [engineFinding(FILE_NOT_LINTED, 'This file looks binary (it contains NUL bytes); it was not linted.')];
    if (text.length > MAX_TEXT_LENGTH[kind]) {
      return [engineFinding(FILE_NOT_LINTED, `This file is ${Math.round(text.length / 1024)} KiB, above the ${MAX_TEXT_LENGTH[kind] / 1024} KiB limit for a ${kind}; it was not linted.`)];
    }
    return lintWith(language(kind) as Language<unknown>, text, config, env);
  } catch (e) {
    return [engineFinding(INTERNAL_ERROR, `Internal error while linting: ${describeError(e)}`)];
  }
}

function lintWith<M>(lang: Language<M>, text: string, config: ResolvedConfig, env: LintEnv): Finding[] {
  if (!lang.isReady()) return [engineFinding(INTERNAL_ERROR, `The ${lang.kind} parser is not loaded yet (ready() was not awaited).`)];
  let model: M;
  try {
    model = lang.parse(text, env, config);
  } catch (e) {
    return [engineFinding(INTERNAL_ERROR, `Internal error while parsing: ${describeError(e)}`)];
  }
  const findings: Finding[] = [];
  const hasRuleSettings = !!config.rules && Object.keys(config.rules).length > 0;
  for (const rule of lang.rules) {
    const userSeverity = hasRuleSettings ? severitySettingFor(rule.meta, config) : undefined;
    if ((userSeverity ?? rule.meta.severity) === 'off') continue;
    const ctx: RuleContext = {
      config,
      text,
      report(r: Report) {
        const sev: SeveritySetting = userSeverity ?? r.severity ?? rule.meta.severity;
        if (sev === 'off') return;
        const f: Finding = { code: rule.meta.code, name: rule.meta.name, severity: sev, message: r.message, range: r.range };
        if (r.fixes?.length) f.fixes = r.fixes;
        if (r.related?.length) f.related = r.related;
        if (r.file) f.file = r.file;
        findings.push(f);
      },
    };
    try {
      rule.check(model, ctx);
    } catch (e) {
      findings.push(engineFinding(INTERNAL_ERROR, `Rule ${rule.meta.code} (${rule.meta.name}) failed: ${describeError(e)}`));
    }
  }
  let kept = findings;
  try {
    kept = applySuppressions(findings, lang.suppression(model), ruleMeta, {
      allowHadolintPragmas: !config.dockerfile.disableIgnorePragma,
    });
  } catch (e) {
    kept.push(engineFinding(INTERNAL_ERROR, `Internal error while applying suppressions: ${describeError(e)}`));
  }
  return dedupe(kept.sort(compareFindings));
}

function dedupe(sorted: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of sorted) {
    const p = out[out.length - 1];
    if (p && compareFindings(p, f) === 0) continue;
    out.push(f);
  }
  return out;
}

/** True when a finding is at or above a level ('none' never). */
export function atOrAbove(severity: Severity, level: Severity | 'none'): boolean {
  return level !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[level];
}
