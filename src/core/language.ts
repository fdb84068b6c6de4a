import type { Kind, Position, Range } from './finding';
import type { ResolvedConfig } from './config';
import type { Rule } from './rule';
import type { SuppressionModel } from './suppress';

/** What the host can offer a parser that needs other files (option-file includes). The engine never reads the disk itself. */
export interface LintEnv {
  /** Path of the linted file, when it has one (used for relative includes and messages). */
  fileName?: string;
  /** Reads a file; undefined when it does not exist or cannot be read. */
  readFile?(path: string): string | undefined;
  /** Lists the entries of a folder; undefined when it cannot be read. */
  listDir?(path: string): string[] | undefined;
}

/** One file kind: a parser to a model, and the rules over that model. */
export interface Language<Model> {
  kind: Kind;
  /** Loads what parsing needs (WASM); resolves once. */
  ready(): Promise<void>;
  isReady(): boolean;
  parse(text: string, env: LintEnv, config: ResolvedConfig): Model;
  rules: readonly Rule<Model>[];
  suppression(model: Model): SuppressionModel;
  /** Reference text for what is under the cursor (an instruction, a flag, an option, a setting). */
  hover?(model: Model, position: Position, config: ResolvedConfig): HoverInfo | undefined;
  /** Completion items at a position (option names in a server group, values by type). */
  complete?(model: Model, position: Position, config: ResolvedConfig): CompletionInfo[];
  /** The outline of the file (document symbols), nested. */
  symbols?(model: Model): SymbolInfo[];
  /** Empties what the language keeps between lints (parsed RUN scripts), as if nothing had been linted yet. */
  clearCaches?(): void;
}

export interface HoverInfo {
  /** Markdown. */
  markdown: string;
  /** The word or token the hover is about. */
  range: Range;
}

export interface CompletionInfo {
  label: string;
  kind: 'option' | 'value' | 'keyword' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** The text the completion replaces. */
  range?: Range;
}

/** One entry of a file's outline (an editor's document symbols), editor-neutral. */
export interface SymbolInfo {
  name: string;
  /** A short description shown beside the name (the box, the provider, the value). */
  detail?: string;
  kind: 'configure' | 'machine' | 'provider' | 'provisioner' | 'network' | 'folder' | 'group' | 'option' | 'trigger';
  /** The whole construct (a machine's block, a group with its options). */
  range: Range;
  /** What to reveal and select: the name. Inside `range`. */
  selectionRange: Range;
  children: SymbolInfo[];
}
