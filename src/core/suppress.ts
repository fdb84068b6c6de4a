import type { Finding, Range } from './finding';
import type { RuleMeta } from './rule';

/** What a language tells the suppression layer about a parsed file. */
export interface SuppressionModel {
  /** Comments, with their text after the comment marker (`#` or `;`), trimmed. */
  comments: { line: number; text: string; range: Range }[];
  /** Statements (instruction, option line, Ruby statement) as line spans; a directive applies to the next one. */
  units: { startLine: number; endLine: number }[];
  /** Larger spans a 'section' directive covers: the next one starting after the comment (a build stage). */
  sections?: { startLine: number; endLine: number }[];
  /**
   * Directives in other tools' comment syntaxes that this kind of file honours, parsed from one comment's text
   * (undefined: not one). Our own `devops-guidance ignore=` comments are always read.
   */
  parseDirective?(text: string): DirectiveBody | undefined;
  /** Rules the file turns off as a whole in its own syntax (a parser directive), beyond ignore comments. */
  skipsRule?(meta: RuleMeta | undefined): boolean;
}

export interface DirectiveBody {
  /** 'next': the next statement; 'file': the whole file; 'section': the next section (see SuppressionModel). */
  kind: 'next' | 'file' | 'section';
  codes: string[];
  /** Whose syntax it is: `devops-guidance`, or the tool a language borrowed it from. */
  source: string;
}

export interface Directive extends DirectiveBody {
  /** Line of the comment. */
  line: number;
  range: Range;
}

/** A comma-separated list of codes, names or aliases (one capture group). */
export const CODE_LIST = String.raw`([A-Za-z0-9_.\-]+(?:\s*,\s*[A-Za-z0-9_.\-]+)*)`;
const OURS = new RegExp(String.raw`^devops-guidance\s+(ignore|ignore-file)\s*=\s*` + CODE_LIST + String.raw`\s*(?:#.*)?$`);

/** Parses one comment's text into our own directive (`devops-guidance ignore=` / `ignore-file=`), or undefined. */
export function parseDirective(text: string): DirectiveBody | undefined {
  const t = text.trim();
  // anchored: most comments are not a directive, and need no regular expression
  if (!t.startsWith('devops-guidance')) return undefined;
  const m = OURS.exec(t);
  if (m) return { kind: m[1] === 'ignore-file' ? 'file' : 'next', codes: splitCodes(m[2]), source: 'devops-guidance' };
  return undefined;
}

export function splitCodes(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Every directive in the file's comments: ours, then the language's own syntaxes. */
export function collectDirectives(model: SuppressionModel): Directive[] {
  const out: Directive[] = [];
  for (const c of model.comments) {
    const d = parseDirective(c.text) ?? model.parseDirective?.(c.text);
    if (d) out.push({ ...d, line: c.line, range: c.range });
  }
  return out;
}

/** True when `token` names this finding: its code, its rule's name or one of its aliases (case-insensitive). */
export function tokenMatches(token: string, finding: Pick<Finding, 'code' | 'name'>, meta?: RuleMeta): boolean {
  const t = token.toLowerCase();
  if (t === finding.code.toLowerCase() || t === finding.name.toLowerCase()) return true;
  return !!meta?.aliases?.some((a) => a.toLowerCase() === t);
}

/**
 * Removes suppressed findings. `metaOf` gives a finding's rule metadata (for aliases).
 * Directive kinds: 'next' covers the whole next unit after the comment; 'file' the whole file; 'section' the
 * section that starts after the comment. The language's `skipsRule` removes a rule's findings everywhere.
 */
export function applySuppressions(findings: Finding[], model: SuppressionModel, metaOf: (code: string) => RuleMeta | undefined): Finding[] {
  const directives = collectDirectives(model);
  const skipsRule = model.skipsRule;
  if (!directives.length && !skipsRule) return findings;

  const units = [...model.units].sort((a, b) => a.startLine - b.startLine);
  const sections = [...(model.sections ?? [])].sort((a, b) => a.startLine - b.startLine);
  const spans: { start: number; end: number; codes: string[] }[] = [];
  const fileCodes: string[] = [];
  for (const d of directives) {
    if (d.kind === 'file') fileCodes.push(...d.codes);
    else {
      const s = (d.kind === 'next' ? units : sections).find((x) => x.startLine > d.line);
      if (s) spans.push({ start: s.startLine, end: s.endLine, codes: d.codes });
    }
  }
  return findings.filter((f) => {
    const meta = metaOf(f.code);
    if (fileCodes.some((c) => tokenMatches(c, f, meta))) return false;
    if (skipsRule?.(meta)) return false;
    const line = f.range.start.line;
    for (const s of spans) if (!f.file && line >= s.start && line <= s.end && s.codes.some((c) => tokenMatches(c, f, meta))) return false;
    return true;
  });
}
