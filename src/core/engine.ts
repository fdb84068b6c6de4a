import { compareFindings, SEVERITY_RANK, type Finding, type Kind, type Severity, type SeveritySetting } from './finding';
import { defaultConfig, type ResolvedConfig } from './config';
import type { LintEnv, Language } from './language';
import type { Report, Rule, RuleContext, RuleMeta } from './rule';
import { applySuppressions } from './suppress';
import { FILE_NOT_LINTED, INTERNAL_ERROR, NotLinted } from './general';
import { allRules, language, languages, ruleMeta, severitySettingFor } from './registry';
import { checkRanges } from './ranges';
import { boundMessage, LineIndex, lineIndexOf } from './text';
import { filterTemplateFindings } from './template/findings';
import { clearParses, rememberParse } from './parsecache';

export type { LintEnv } from './language';

/**
 * Files above these sizes are not linted: parsing one would block the editor for about a second or more. Each kind
 * sets its own (Language.maxTextLength); this is the table of them, for callers that test the limits.
 */
export const MAX_TEXT_LENGTH: Readonly<Record<Kind, number>> = Object.freeze(Object.fromEntries(languages().map((l) => [l.kind, l.maxTextLength])) as Record<Kind, number>);

/** Loads the parsers one kind needs (or all). Call once before linting; later calls resolve at once. */
export async function ready(kind?: Kind): Promise<void> {
  await Promise.all((kind ? [language(kind)] : languages()).map((l) => l.ready()));
}

/**
 * Forgets what the engine keeps from one lint to the next (the parsed RUN scripts of Dockerfiles): the next lint
 * costs what the first one did. For benchmarks of the first-open / CI case and for tests; results never depend on it.
 */
export function clearCaches(): void {
  for (const l of languages()) l.clearCaches?.();
  clearParses();
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
    const lang = language(kind);
    if (looksBinary(text)) {
      const own = lang.binaryText?.(text);
      if (own) return [engineFinding(FILE_NOT_LINTED, own.message, own.severity)];
      return [engineFinding(FILE_NOT_LINTED, 'This file looks binary (it contains NUL bytes); it was not linted.')];
    }
    if (text.length > lang.maxTextLength) {
      return [engineFinding(FILE_NOT_LINTED, `This file is ${Math.round(text.length / 1024)} KiB, above the ${lang.maxTextLength / 1024} KiB limit for a ${kind}; it was not linted.`)];
    }
    const findings = lintWith(lang, text, config, env);
    return findings.length ? checkRanges(linesOf(text), findings) : findings;
  } catch (e) {
    return [engineFinding(INTERNAL_ERROR, `Internal error while linting: ${describeError(e)}`)];
  }
}

/**
 * Findings one rule lists per file. A generated or fuzzed file can hold tens of thousands of the same mistake (77,000
 * out-of-range ports on one EXPOSE line took over a second to report and would flood the editor); past this number
 * they are counted, and the last finding listed says how many more there are.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

interface ActiveRule<M> {
  rule: Rule<M>;
  /** The user's severity for the rule (by code, name or alias), when set. */
  userSeverity?: SeveritySetting;
}

/**
 * The rules a configuration turns on, with the user's severity, per language. Computed once per `config.rules`
 * object (configurations are never changed in place: mergeConfig and the config loaders build new ones), so a lint
 * does not look up 94 rules by code, name and alias again.
 */
const activeCache = new WeakMap<object, Map<Language<unknown>, ActiveRule<unknown>[]>>();
const NO_RULES: Record<string, SeveritySetting> = {};

function activeRules<M>(lang: Language<M>, config: ResolvedConfig): ActiveRule<M>[] {
  const settings = config.rules ?? NO_RULES;
  let byLang = activeCache.get(settings);
  if (!byLang) activeCache.set(settings, (byLang = new Map()));
  let list = byLang.get(lang as Language<unknown>) as ActiveRule<M>[] | undefined;
  if (!list) {
    const hasRuleSettings = Object.keys(settings).length > 0;
    list = [];
    for (const rule of lang.rules) {
      const userSeverity = hasRuleSettings ? severitySettingFor(rule.meta, config) : undefined;
      if ((userSeverity ?? rule.meta.severity) === 'off') continue;
      list.push({ rule, userSeverity });
    }
    byLang.set(lang as Language<unknown>, list as ActiveRule<unknown>[]);
  }
  return list;
}

/**
 * The line table of the text being linted: the model's own when it kept one of this very text, else the one the
 * parser asked lineIndexOf() for, else a new one.
 */
let modelLines: LineIndex | undefined;
function linesOf(text: string): LineIndex {
  const own = modelLines;
  return own && own.text === text ? own : lineIndexOf(text);
}

function lintWith<M>(lang: Language<M>, text: string, config: ResolvedConfig, env: LintEnv): Finding[] {
  modelLines = undefined;
  if (!lang.isReady()) return [engineFinding(INTERNAL_ERROR, `The ${lang.kind} parser is not loaded yet (ready() was not awaited).`)];
  let model: M;
  try {
    model = lang.parse(text, env, config);
  } catch (e) {
    if (e instanceof NotLinted) return [engineFinding(FILE_NOT_LINTED, e.message)];
    return [engineFinding(INTERNAL_ERROR, `Internal error while parsing: ${describeError(e)}`)];
  }
  // a hover or an ignore action right after this lint reuses the model (parsecache.ts)
  rememberParse(lang.kind, text, env, config, model);
  modelLines = lang.lines?.(model);
  const findings: Finding[] = [];
  // one context for the whole lint; `current` is the rule being run, `count` its findings so far
  let current: ActiveRule<M> | undefined;
  let count = 0;
  let last: Finding | undefined;
  const cap = env.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE;
  const ctx: RuleContext = {
    config,
    text,
    get meta() {
      return current!.rule.meta;
    },
    report(report: Report) {
      const { rule, userSeverity } = current!;
      const r = report.input && lang.route ? lang.route(model, report, rule.meta) : report;
      if (!r) return;
      const sev: SeveritySetting = userSeverity ?? r.severity ?? rule.meta.severity;
      if (sev === 'off') return;
      // a rule's findings are capped per file: past the cap they are only counted (the last one kept says how many)
      if (++count > cap) return;
      const f: Finding = { code: rule.meta.code, name: rule.meta.name, severity: sev, message: boundMessage(r.message), range: r.range };
      if (r.fixes?.length) f.fixes = r.fixes;
      if (r.related?.length) f.related = r.related;
      if (r.file) f.file = r.file;
      findings.push(f);
      last = f;
    },
  };
  for (const active of activeRules(lang, config)) {
    current = active;
    count = 0;
    try {
      active.rule.check(model, ctx);
    } catch (e) {
      findings.push(engineFinding(INTERNAL_ERROR, `Rule ${active.rule.meta.code} (${active.rule.meta.name}) failed: ${describeError(e)}`));
    }
    if (count > cap && last) {
      const more = count - cap;
      last.message += ` (${active.rule.meta.code} found ${more.toLocaleString('en-US')} more ${more === 1 ? 'problem' : 'problems'} in this file after this one, not listed: a rule lists at most ${cap.toLocaleString('en-US')} per file.)`;
    }
  }
  current = undefined;
  if (lang.partsNotLinted) {
    // parts of the file some checks skipped: said where they are (DG002 at their range), silenced like any finding
    const sev = severitySettingFor(FILE_NOT_LINTED, config) ?? FILE_NOT_LINTED.severity;
    try {
      if (sev !== 'off') for (const p of lang.partsNotLinted(model)) findings.push({ ...engineFinding(FILE_NOT_LINTED, p.message, sev), range: p.range });
    } catch (e) {
      findings.push(engineFinding(INTERNAL_ERROR, `Internal error while listing the parts not linted: ${describeError(e)}`));
    }
  }
  let kept = findings;

  try {
    kept = applySuppressions(findings, lang.suppression(model, config), ruleMeta);
  } catch (e) {
    kept.push(engineFinding(INTERNAL_ERROR, `Internal error while applying suppressions: ${describeError(e)}`));
  }
  // a template: nothing on template code, no fix that edits a tag, nothing relating two exclusive branches
  const template = lang.template?.(model);
  if (template && kept.length) kept = filterTemplateFindings(template, linesOf(text), kept);
  return dedupe(supersede(kept).sort(compareFindings));
}

/**
 * One problem, one finding: a finding of a rule that supersedes others (RuleMeta.supersedes) replaces theirs at the
 * same range, and offers their fixes as fixes to review (they were judged for a narrower question).
 */
let superseding: Set<string> | undefined;
function supersede(findings: Finding[]): Finding[] {
  // the codes of rules that supersede others, once (every finding of every lint is checked against them)
  superseding ??= new Set(allRules().filter((m) => m.supersedes?.length).map((m) => m.code));
  let winners: Finding[] | undefined;
  for (const f of findings) if (superseding.has(f.code)) (winners ??= []).push(f);
  if (!winners) return findings;
  const at = (f: Finding) => `${f.file ?? ''}\0${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
  // every finding by its range, once: a template with thousands of findings stays linear
  const byRange = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = at(f);
    const list = byRange.get(k);
    if (list) list.push(f);
    else byRange.set(k, [f]);
  }
  const gone = new Set<Finding>();
  for (const w of winners) {
    const codes = ruleMeta(w.code)!.supersedes!;
    // the most specific rule wins over the others at its range (a rule that supersedes another that supersedes)
    for (const o of byRange.get(at(w))!) {
      if (o === w || gone.has(o) || !codes.includes(o.code)) continue;
      gone.add(o);
      if (o.fixes?.length) {
        const titles = new Set(w.fixes?.map((x) => x.title));
        const more = o.fixes.filter((x) => !titles.has(x.title)).map((x) => ({ ...x, safe: false }));
        if (more.length) w.fixes = [...(w.fixes ?? []), ...more];
      }
    }
  }
  return gone.size ? findings.filter((f) => !gone.has(f)) : findings;
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
