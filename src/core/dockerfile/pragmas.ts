/**
 * Dockerfile-only inline suppressions, contributed to the generic suppression layer (src/core/suppress.ts) through
 * `dockerfileLanguage.suppression`: hadolint's `# hadolint ignore=`, `# hadolint global ignore=` and
 * `# hadolint stage ignore=` comments, and BuildKit's `# check=skip=<names>|all` parser directive.
 */
import type { RuleMeta } from '../rule';
import { CODE_LIST, splitCodes, type DirectiveBody } from '../suppress';
import type { DockerfileModel } from './model';

const HADOLINT = new RegExp(String.raw`^hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*` + CODE_LIST + String.raw`\s*(?:#.*)?$`);

/** A hadolint pragma in one comment's text (after `#`), or undefined. `stage` covers the stage that starts next. */
export function parseHadolintPragma(text: string): DirectiveBody | undefined {
  const t = text.trim();
  if (!t.startsWith('hadolint')) return undefined;
  const m = HADOLINT.exec(t);
  if (!m) return undefined;
  return { kind: m[1] === 'global' ? 'file' : m[1] === 'stage' ? 'section' : 'next', codes: splitCodes(m[2]), source: 'hadolint' };
}

/** The names in BuildKit's `# check=skip=A,B` parser directive (`all` included as written). */
export function checkSkipNames(m: DockerfileModel): string[] {
  const out: string[] = [];
  for (const d of m.directives) {
    if (d.name !== 'check') continue;
    for (const part of d.value.split(';')) {
      const [k, v] = part.split('=', 2).map((s) => s.trim());
      if (k === 'skip' && v) out.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
    }
  }
  return out;
}

/** Docker build check names are CamelCase words (JSONArgsRecommended); other aliases have digits or dashes. */
export function isBuildCheckName(alias: string): boolean {
  return /^[A-Z][A-Za-z]+$/.test(alias);
}

/** Whether `# check=skip=` turns a rule off: it names one of the rule's build-check aliases, or says `all`. */
export function skippedByCheckDirective(names: string[], meta: RuleMeta | undefined): boolean {
  if (!names.length || !meta?.aliases?.length) return false;
  if (names.some((c) => c.toLowerCase() === 'all') && meta.aliases.some(isBuildCheckName)) return true;
  return names.some((c) => meta.aliases!.includes(c));
}

/**
 * Lines at the top that must stay first: parser directives (`# syntax=`, `# escape=`, `# check=`). A file-wide
 * ignore comment goes after them (a comment line before a directive turns the directive into a plain comment).
 */
export function parserDirectiveLines(lines: string[]): number {
  let at = 0;
  while (at < lines.length && /^\s*#\s*[a-zA-Z]+\s*=/.test(lines[at]) && !/^\s*#\s*(devops-guidance|hadolint)\b/.test(lines[at])) at++;
  return at;
}
