/** Engine services for editors beyond linting: hover and completion. Same contract as lint(): never throws. */
import type { Kind, Position, TextEdit } from './finding';
import { LineIndex } from './text';
import { defaultConfig, type ResolvedConfig } from './config';
import type { CompletionInfo, HoverInfo, LintEnv, SymbolInfo } from './language';
import { language } from './registry';
import { recallParse, rememberParse } from './parsecache';

export type { HoverInfo, CompletionInfo, SymbolInfo } from './language';

/**
 * The model of a text: the one the last lint (or hover) of this very text, file and configuration built when there
 * is one (parsecache.ts), so moving the mouse over a document right after its diagnostics appeared costs no parse.
 */
function modelFor(kind: Kind, text: string, env: LintEnv, config: ResolvedConfig): unknown {
  const known = recallParse(kind, text, env, config);
  if (known !== undefined) return known;
  const model = language(kind).parse(text, env, config);
  rememberParse(kind, text, env, config, model);
  return model;
}

export function hoverAt(text: string, kind: Kind, position: Position, config: ResolvedConfig = defaultConfig(), env: LintEnv = {}): HoverInfo | undefined {
  try {
    const lang = language(kind);
    if (!lang.hover || !lang.isReady()) return undefined;
    return lang.hover(modelFor(kind, text, env, config) as never, position, config);
  } catch {
    return undefined;
  }
}

export function completionsAt(text: string, kind: Kind, position: Position, config: ResolvedConfig = defaultConfig(), env: LintEnv = {}): CompletionInfo[] {
  try {
    const lang = language(kind);
    if (!lang.complete || !lang.isReady()) return [];
    return lang.complete(modelFor(kind, text, env, config) as never, position, config);
  } catch {
    return [];
  }
}

/** Which comment form an ignore action writes: one another tool shares (Language.sharedIgnore), or always ours. */
export type IgnoreStyle = 'shared' | 'devops-guidance';

/**
 * The outline of a file: Vagrantfiles (configure blocks, machines, providers, provisioners, networks, synced
 * folders, triggers) and option files (groups and their options). Empty for other kinds, before the parser is
 * ready, and on any error.
 */
export function symbols(text: string, kind: Kind, config: ResolvedConfig = defaultConfig(), env: LintEnv = {}): SymbolInfo[] {
  try {
    const lang = language(kind);
    if (!lang.symbols || !lang.isReady()) return [];
    return lang.symbols(modelFor(kind, text, env, config) as never);
  } catch {
    return [];
  }
}

/**
 * The edit that silences one finding: `# devops-guidance ignore=CODE` on its own line above the statement that
 * holds the finding (the whole instruction for a multi-line RUN), with the statement's indentation; or, for the
 * whole file, `# devops-guidance ignore-file=CODE` at the top (after the lines the kind keeps first, Language.headerLines).
 */
export function ignoreEdit(
  text: string,
  kind: Kind,
  code: string,
  line: number,
  scope: 'line' | 'file',
  config: ResolvedConfig = defaultConfig(),
  style: IgnoreStyle = 'devops-guidance',
): TextEdit | undefined {
  try {
    const lang = language(kind);
    if (!lang.isReady()) return undefined;
    const model = lang.parse(text, {}, config);
    const sup = lang.suppression(model, config);
    const lines = new LineIndex(text);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    // hadolint's form for codes hadolint knows (so hadolint in CI honours it), unless hadolint's pragmas are turned off
    const shared = (scope: 'line' | 'file') => (style === 'shared' ? lang.sharedIgnore?.(code, scope, config) : undefined);
    if (scope === 'file') {
      // lines that must stay first (a kind's parser directives)
      const at = lang.headerLines ? lang.headerLines(Array.from({ length: lines.lineCount }, (_, i) => lines.line(i))) : 0;
      const comment = shared('file') ?? `# devops-guidance ignore-file=${code}`;
      return { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `${comment}${eol}` };
    }
    // the innermost statement holding the line (statements may nest: a setting inside a configure block)
    let unit: { startLine: number; endLine: number } | undefined;
    for (const u of sup.units) {
      if (u.startLine <= line && line <= u.endLine && (!unit || u.startLine > unit.startLine || (u.startLine === unit.startLine && u.endLine < unit.endLine))) unit = u;
    }
    const target = unit ? unit.startLine : line;
    const indent = /^\s*/.exec(lines.line(target))?.[0] ?? '';
    return { range: { start: { line: target, character: 0 }, end: { line: target, character: 0 } }, newText: `${indent}${shared('line') ?? `# devops-guidance ignore=${code}`}${eol}` };
  } catch {
    return undefined;
  }
}
