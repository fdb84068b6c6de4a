import type { Finding, Range } from './finding';
import type { RuleMeta } from './rule';

/** What a language tells the suppression layer about a parsed file. */
export interface SuppressionModel {
  /** Comments, with their text after the comment marker (`#` or `;`), trimmed. */
  comments: { line: number; text: string; range: Range }[];
  /** Statements (instruction, option line, Ruby statement) as line spans; a directive applies to the next one. */
  units: { startLine: number; endLine: number }[];
  /** Dockerfile stages, for `# hadolint stage ignore=`. */
  stages?: { startLine: number; endLine: number }[];
  /** Whether hadolint's and BuildKit's pragmas apply (Dockerfiles only). */
  dockerfile?: boolean;
  /** BuildKit's `# check=skip=...` parser directive, already extracted by the Dockerfile parser. */
  checkSkip?: string[];
}

export interface Directive {
  kind: 'next' | 'file' | 'stage';
  /** Line of the comment. */
  line: number;
  codes: string[];
  source: 'devops-guidance' | 'hadolint' | 'buildkit';
  range: Range;
}

const CODE_LIST = String.raw`([A-Za-z0-9_.\-]+(?:\s*,\s*[A-Za-z0-9_.\-]+)*)`;
const OURS = new RegExp(String.raw`^devops-guidance\s+(ignore|ignore-file)\s*=\s*` + CODE_LIST + String.raw`\s*(?:#.*)?$`);
const HADOLINT = new RegExp(String.raw`^hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*` + CODE_LIST + String.raw`\s*(?:#.*)?$`);

/** Parses one comment's text into a directive, or undefined. */
export function parseDirective(text: string, dockerfile: boolean): Omit<Directive, 'line' | 'range'> | undefined {
  const t = text.trim();
  // both patterns are anchored: most comments are neither, and need no regular expression
  if (!t.startsWith('devops-guidance') && !(dockerfile && t.startsWith('hadolint'))) return undefined;
  let m = OURS.exec(t);
  if (m) return { kind: m[1] === 'ignore-file' ? 'file' : 'next', codes: splitCodes(m[2]), source: 'devops-guidance' };
  if (dockerfile) {
    m = HADOLINT.exec(t);
    if (m) return { kind: m[1] === 'global' ? 'file' : m[1] === 'stage' ? 'stage' : 'next', codes: splitCodes(m[2]), source: 'hadolint' };
  }
  return undefined;
}

function splitCodes(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

export function collectDirectives(model: SuppressionModel, allowHadolint: boolean): Directive[] {
  const out: Directive[] = [];
  for (const c of model.comments) {
    const d = parseDirective(c.text, !!model.dockerfile && allowHadolint);
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
 * Directive kinds: 'next' covers the whole next unit after the comment; 'file' the whole file; 'stage' the stage
 * that starts after the comment.
 */
export function applySuppressions(
  findings: Finding[],
  model: SuppressionModel,
  metaOf: (code: string) => RuleMeta | undefined,
  options: { allowHadolintPragmas: boolean },
): Finding[] {
  const directives = collectDirectives(model, options.allowHadolintPragmas);
  const checkSkip = model.dockerfile ? (model.checkSkip ?? []) : [];
  if (!directives.length && !checkSkip.length) return findings;

  const units = [...model.units].sort((a, b) => a.startLine - b.startLine);
  const stages = [...(model.stages ?? [])].sort((a, b) => a.startLine - b.startLine);
  const spans: { start: number; end: number; codes: string[] }[] = [];
  const fileCodes: string[] = [];
  for (const d of directives) {
    if (d.kind === 'file') fileCodes.push(...d.codes);
    else if (d.kind === 'next') {
      const u = units.find((x) => x.startLine > d.line);
      if (u) spans.push({ start: u.startLine, end: u.endLine, codes: d.codes });
    } else {
      const s = stages.find((x) => x.startLine > d.line);
      if (s) spans.push({ start: s.startLine, end: s.endLine, codes: d.codes });
    }
  }
  const skipAll = checkSkip.some((c) => c.toLowerCase() === 'all');
  return findings.filter((f) => {
    const meta = metaOf(f.code);
    if (fileCodes.some((c) => tokenMatches(c, f, meta))) return false;
    if (checkSkip.length && meta?.aliases?.length) {
      if (skipAll && meta.aliases.some(isBuildCheckName)) return false;
      if (checkSkip.some((c) => meta.aliases!.includes(c))) return false;
    }
    const line = f.range.start.line;
    for (const s of spans) if (!f.file && line >= s.start && line <= s.end && s.codes.some((c) => tokenMatches(c, f, meta))) return false;
    return true;
  });
}

/** Docker build check names are CamelCase words (JSONArgsRecommended); other aliases have digits or dashes. */
export function isBuildCheckName(alias: string): boolean {
  return /^[A-Z][A-Za-z]+$/.test(alias);
}
