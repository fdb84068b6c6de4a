/** Plain data shared by the engine, the CLI and the editor adapter. Positions are 0-based, columns in UTF-16 code units (LSP). */

/** The kinds of file (listed once, in src/core/languages/index.ts). */
export type { Kind } from './languages/index';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
/** Higher is more severe. */
export const SEVERITY_RANK: Record<SeveritySetting, number> = { off: 0, hint: 1, info: 2, warning: 3, error: 4 };

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix is a set of edits applied together. Safe fixes keep the meaning of the file; unsafe ones may change behaviour. */
export interface Fix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
}

export interface RelatedInformation {
  message: string;
  range: Range;
  /** Another file (for example an included option file); absent means the linted file. */
  file?: string;
}

export interface Finding {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedInformation[];
  /** Set when the finding belongs to another file than the one linted (an `!include`d option file). */
  file?: string;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Order of findings: file (none first), start, end, code, message. localeCompare only runs on strings that differ. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) {
    const byFile = (a.file ?? '').localeCompare(b.file ?? '');
    if (byFile) return byFile;
  }
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.code === b.code ? 0 : a.code.localeCompare(b.code)) ||
    (a.message === b.message ? 0 : a.message.localeCompare(b.message))
  );
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
