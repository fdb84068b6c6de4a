import type { z } from 'zod';
import type { Finding, Kind, Position, Range, Severity } from './finding';
import type { ResolvedConfig, UserConfig } from './config';
import type { Report, Rule, RuleMeta } from './rule';
import type { SuppressionModel } from './suppress';
import type { RuleDoc } from './knowledge/schema';
import type { TemplateReading } from './template/read';
import type { LineIndex } from './text';

/** What the host can offer a parser that needs other files (option-file includes). The engine never reads the disk itself. */
export interface LintEnv {
  /** Path of the linted file, when it has one (used for relative includes and messages). */
  fileName?: string;
  /**
   * Option files: the file that reads this one through `!include`/`!includedir`, when the host knows it (the CLI
   * linting both). The file is then a fragment: checks that need the whole configuration run on that root file.
   */
  includedBy?: string;
  /** Reads a file; undefined when it does not exist or cannot be read. */
  readFile?(path: string): string | undefined;
  /** Lists the entries of a folder; undefined when it cannot be read. */
  listDir?(path: string): string[] | undefined;
  /**
   * False for a path the host will not read because it lies outside the project (an include is then reported as
   * not followed, with nothing from it shown). Absent: the host decides in readFile/listDir alone.
   */
  allows?(path: string): boolean;
  /**
   * Findings one rule lists per file, past which they are only counted (default MAX_FINDINGS_PER_RULE in engine.ts).
   * Benchmarks that measure the whole work of a file with a finding on every line set it to Infinity.
   */
  maxFindingsPerRule?: number;
}

/**
 * One file kind: how files are recognised, a parser to a model, the rules over that model, and everything else the
 * generic engine needs to know about the kind (its configuration section, extra configuration files, inline
 * suppression syntaxes, size limit, ShellCheck scripts). The generic files of src/core name no kind: what differs
 * between kinds is said here, by each kind's folder.
 */
export interface Language<Model> {
  kind: Kind;
  /** The editor's language id for these files (VS Code: `dockerfile`, `mycnf`, `ruby`). */
  editorLanguage: string;
  /**
   * Whether every document of `editorLanguage` is this kind (true), or only those whose file name matches
   * (false: a `ruby` document is a Vagrantfile only when named like one).
   */
  ownsEditorLanguage: boolean;
  /** Whether a file's base name is this kind's. */
  matchesFileName(baseName: string): boolean;
  /**
   * Text with NUL bytes is not linted: what the one finding says when the kind recognises the content (an option file
   * saved as UTF-16); undefined for the generic "looks binary" message.
   */
  binaryText?(text: string): { message: string; severity?: Severity } | undefined;
  /**
   * A file this kind claims by its name whose content shows it is not one of its files (a `*.cnf` of another tool):
   * the reason, so a host that found the file by name can skip it; undefined when the file is to be linted.
   */
  notOwnContent?(path: string, text: string): string | undefined;
  /** Texts longer than this (UTF-16 code units) are not linted: one finding says so. */
  maxTextLength: number;
  /** Markdown code-fence language for this kind's examples. */
  fence: string;
  /** Loads what parsing needs (WASM); resolves once. */
  ready(): Promise<void>;
  isReady(): boolean;
  parse(text: string, env: LintEnv, config: ResolvedConfig): Model;
  rules: readonly Rule<Model>[];
  /**
   * A report whose `input` is not the linted text (a finding in an included file): what it becomes (its `file`,
   * related information pointing at the include, no fixes), or undefined when that file's own ignore comments
   * silence it. Without this hook such reports are kept as they are.
   */
  route?(model: Model, report: Report, meta: RuleMeta): Report | undefined;
  /** The model's line table of the linted text, if it keeps one (the engine reuses it instead of building another). */
  lines?(model: Model): LineIndex | undefined;
  /**
   * The template the model was read from (src/core/template): its tags were masked before parsing. The engine then
   * drops findings on template code, fixes that would edit a tag, and findings relating two exclusive branches.
   */
  template?(model: Model): TemplateReading | undefined;
  /** Comments, statements and the kind's own suppression syntaxes (which may depend on the configuration). */
  suppression(model: Model, config: ResolvedConfig): SuppressionModel;
  /**
   * Parts of a linted file some checks skipped (a script too long to analyse): each becomes one DG002 finding at
   * its range, so the user learns that silence there is not a clean bill. Without this hook: none.
   */
  partsNotLinted?(model: Model): { message: string; range: Range }[];
  /** Lines at the top of the text a file-wide ignore comment must go after (parser directives). */
  headerLines?(lines: string[]): number;
  /**
   * The ignore comment another tool shares with us for `code` (hadolint's for Dockerfiles), when that tool knows the
   * code and honours it here; the editor's ignore actions write it when asked to. Without this hook: ours.
   */
  sharedIgnore?(code: string, scope: 'line' | 'file', config: ResolvedConfig): string | undefined;
  /** The heading of this kind's group in lists of rules (topic pages). */
  title?: string;
  /** One sentence for rule pages about other tools' ignore comments this kind honours (Markdown), with the code. */
  ignoreNote?(code: string): string;
  /** Extra Markdown for a rule's page from this kind's knowledge (how the rule compares with another tool), or none. */
  pageNote?(doc: RuleDoc): string[];
  /** This kind's section of the configuration (`.devops-guidance.yaml`, settings, CLI flags). */
  config?: ConfigSection;
  /** Other tools' configuration files read for this kind, before the project file (nearest one up the tree). */
  configFiles?: ConfigFile[];
  /** Scripts this kind hands to ShellCheck, and how ShellCheck's output maps back (see src/core/pipeline.ts). */
  shellcheck?: ShellcheckSupport<Model>;
  /** Reference text for what is under the cursor (an instruction, a flag, an option, a setting). */
  hover?(model: Model, position: Position, config: ResolvedConfig): HoverInfo | undefined;
  /** Completion items at a position (option names in a server group, values by type). */
  complete?(model: Model, position: Position, config: ResolvedConfig): CompletionInfo[];
  /** The outline of the file (document symbols), nested. */
  symbols?(model: Model): SymbolInfo[];
  /** Empties what the language keeps between lints (parsed RUN scripts), as if nothing had been linted yet. */
  clearCaches?(): void;
}

/** A kind's section of the user configuration and of the resolved configuration. */
export interface ConfigSection<User = any> {
  /** Key of the section in the user configuration (`.devops-guidance.yaml`, settings). */
  key: string;
  /** The section's schema (a strict, partial object). */
  schema: z.ZodType<User>;
  /** Puts the section's defaults into a new resolved configuration. */
  defaults(config: ResolvedConfig): void;
  /** Copies the section from one resolved configuration to a new one, sharing nothing mutable. */
  copy(from: ResolvedConfig, to: ResolvedConfig): void;
  /** Applies one layer's section; later layers win for scalars, lists are joined. */
  merge(config: ResolvedConfig, section: User): void;
}

/** Another tool's configuration file, mapped onto ours. */
export interface ConfigFile {
  names: string[];
  /** Throws ConfigError (with a line when it can) on an invalid file. */
  parse(text: string, file?: string): UserConfig;
}

/**
 * ShellCheck for the shell scripts inside a file. The engine cannot run programs: it says which scripts to check,
 * the host runs ShellCheck on each, and the engine turns the outputs into findings.
 */
export interface ShellcheckSupport<Model, Job extends ShellcheckJobBase = any> {
  /** ShellCheck codes never reported for these scripts (passed to `shellcheck -e`). */
  exclude: readonly string[];
  /** Whether the configuration asks for ShellCheck on this kind. */
  enabled(config: ResolvedConfig): boolean;
  /** The model of `text`, reusing the one the engine's lint of the same text just built when it can; `env` reads script files. */
  model(text: string, env: LintEnv): Model;
  jobs(model: Model): Job[];
  /** Findings from the outputs (`shellcheck -f json1` stdout, one per job; undefined when a run failed). */
  findings(model: Model, jobs: Job[], outputs: (string | undefined)[], config: ResolvedConfig): Finding[];
}

export interface ShellcheckJobBase {
  /** What ShellCheck reads on standard input (its dialect comes from the script's `#!` line). */
  script: string;
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
