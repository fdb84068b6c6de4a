/**
 * `lint --fix`, `--unsafe-fixes`, `--diff`: apply the engine's fixes to a file's text, repeatedly until nothing more
 * applies, and write the result back atomically (temporary file in the same folder, then rename), keeping the
 * file's line endings, byte-order mark and permissions. A file that does not parse, or that is not valid UTF-8, is
 * never written; a pass whose result no longer parses is dropped.
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyFixes, fixAll, lint, type Finding, type Kind, type LintEnv, type ResolvedConfig, type TextEdit } from '../core/index';

/** Findings that mean the engine could not read the file; their presence forbids writing (matched by rule name). */
const UNPARSED = new Set(['internal-error', 'file-not-linted', 'dockerfile-syntax-error', 'ruby-syntax-error', 'group-header-malformed', 'option-line-malformed']);

export function unparsed(findings: Finding[]): Finding[] {
  return findings.filter((f) => !f.file && UNPARSED.has(f.name));
}

const MAX_PASSES = 10;

export interface FixResult {
  /** The text after fixing (equal to the input when nothing applied). */
  text: string;
  /** One entry per fix applied: the finding's code and the fix's title. */
  applied: { code: string; title: string; line: number }[];
  /** Why nothing was written, when the file was refused. */
  refused?: string;
}

/**
 * The edits of one pass. The single place that picks and merges edits: when the core gains a fix-all that merges
 * overlapping edits and iterates to a fixed point (src/core/fixes.ts), this call becomes that one.
 */
function onePass(text: string, findings: Finding[], unsafe: boolean): { text: string; applied: FixResult['applied'] } {
  const own = findings.filter((f) => !f.file);
  const { text: out, skipped } = applyFixes(text, fixAll(own, { unsafe }));
  const skippedSet = new Set<TextEdit>(skipped);
  const applied: FixResult['applied'] = [];
  for (const f of own) {
    const fix = f.fixes?.find((x) => x.safe || unsafe);
    if (fix && fix.edits.length && !fix.edits.some((e) => skippedSet.has(e))) applied.push({ code: f.code, title: fix.title, line: f.range.start.line + 1 });
  }
  return { text: out, applied };
}

/** Lints and fixes until no fix applies (at most ten passes). Pure: no file system. */
export function fixText(text: string, kind: Kind, config: ResolvedConfig, env: LintEnv, unsafe: boolean): FixResult {
  const first = lint(text, kind, config, env);
  const bad = unparsed(first);
  if (bad.length) return { text, applied: [], refused: `not fixed: it does not parse (${bad[0].code} ${bad[0].name}, line ${bad[0].range.start.line + 1})` };
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  let current = text;
  let findings = first;
  const applied: FixResult['applied'] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const r = onePass(current, findings, unsafe);
    if (r.text === current) break;
    let next = r.text;
    if (crlf) next = next.replace(/\r?\n/g, '\r\n');
    const after = lint(next, kind, config, env);
    if (unparsed(after).length) break; // this pass broke the file: keep the last good text
    applied.push(...r.applied);
    current = next;
    findings = after;
  }
  return { text: current, applied };
}

export interface FileFix extends FixResult {
  file: string;
  written: boolean;
}

/** Reads, fixes and (unless dryRun) writes one file. Throws only for I/O errors the caller reports. */
export function fixFile(file: string, kind: Kind, config: ResolvedConfig, env: LintEnv, options: { unsafe: boolean; dryRun: boolean }): FileFix & { original: string } {
  const bytes = readFileSync(file);
  const original = bytes.toString('utf8');
  if (!Buffer.from(original, 'utf8').equals(bytes)) {
    return { file, original, text: original, applied: [], written: false, refused: 'not fixed: it is not valid UTF-8, and writing it back would change its bytes' };
  }
  const r = fixText(original, kind, config, env, options.unsafe);
  let written = false;
  if (!options.dryRun && !r.refused && r.text !== original) {
    writeAtomically(file, r.text);
    written = true;
  }
  return { ...r, file, original, written };
}

/** Same folder, same permissions, then rename over the original: a reader sees the old file or the new one. */
export function writeAtomically(file: string, text: string): void {
  const mode = statSync(file).mode & 0o7777;
  const tmp = join(dirname(file), `.${basename(file)}.devops-guidance-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', mode });
    chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    throw e;
  }
}

/** A unified diff of one file's change (empty when unchanged). */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  // loaded only for --diff
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createTwoFilesPatch } = require('diff') as typeof import('diff');
  const name = file.split('\\').join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
