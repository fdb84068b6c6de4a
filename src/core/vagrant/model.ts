/**
 * What the Vagrantfile rules see: the config calls of a Ruby file, read statically from Prism's syntax tree.
 * Nothing here is the result of running the file. A value the parser cannot know (a method call, an
 * interpolation, an ENV lookup, a loop variable) is `unknown`, and rules stay silent about it.
 */
import type { Range } from '../finding';
import type { LineIndex } from '../text';

/** A Ruby value as written, when it is a literal (or a simple constant/local that holds one). */
export type Value =
  | { kind: 'string'; value: string; range: Range; via?: Via; heredoc?: boolean }
  | { kind: 'symbol'; value: string; range: Range; via?: Via }
  | { kind: 'integer'; value: number; range: Range; via?: Via }
  | { kind: 'float'; value: number; range: Range; via?: Via }
  | { kind: 'boolean'; value: boolean; range: Range; via?: Via }
  | { kind: 'nil'; range: Range; via?: Via }
  | { kind: 'array'; items: Value[]; /** a splat makes the list incomplete */ open: boolean; range: Range; via?: Via }
  | { kind: 'hash'; entries: HashEntry[]; open: boolean; range: Range; via?: Via }
  | { kind: 'unknown'; range: Range; /** the literal parts of an interpolated string, joined with \0 */ staticText?: string };

export interface HashEntry {
  key: Value;
  value: Value;
  range: Range;
}

/** Set when a value was read through a constant or a local variable assigned once with a literal. */
export interface Via {
  name: string;
  /** Where the constant or variable is assigned. */
  definition: Range;
}

export interface KeywordArg {
  /** Key without the colon (`host_ip`), for symbol or string keys. */
  name: string;
  nameRange: Range;
  value: Value;
  /** The whole `key: value` pair. */
  range: Range;
}

/** Control flow around a call, so rules can tell "once" from "maybe" and "many". */
export interface Flow {
  /** Inside a loop or an iterator block (each, times, upto, for, while ...): may run many times. */
  loop: boolean;
  /** Inside if/unless/case/&&/||/rescue or a block whose meaning is unknown: may not run. */
  conditional: boolean;
  /** How many loops and conditionals enclose the call: equal levels mean "runs whenever the scope runs". */
  level: number;
}

/** One `Vagrant.configure(...)` (or v1 `Vagrant::Config.run`) block. */
export interface ConfigureBlock {
  id: number;
  /** The version argument as written. */
  version: Value;
  /** 1 or 2 when known; undefined when computed. */
  apiVersion?: 1 | 2;
  range: Range;
  /** The `configure` word. */
  callRange: Range;
  flow: Flow;
}

/**
 * A config object: the block parameter of Vagrant.configure (global), of `vm.define` (machine) or the second
 * parameter of a provider block (override). Settings of a scope apply to its machines and override its parent.
 */
export interface ConfigScope {
  id: number;
  kind: 'global' | 'machine' | 'override';
  parent?: ConfigScope;
  configure: ConfigureBlock;
  /** For machines: the `vm.define` call. */
  define?: MachineDefine;
  /** For overrides: the provider block. */
  provider?: ProviderBlock;
  flow: Flow;
  /** The config object is handed to other code (`setup(config)`): settings may be made where we cannot see. */
  escaped?: boolean;
}

export interface MachineDefine {
  name: Value;
  call: SettingCall;
  scope: ConfigScope;
}

/** What a call's receiver is. */
export type Target =
  | { type: 'namespace'; scope: ConfigScope; namespace: string; namespaceRange: Range }
  | { type: 'provider'; provider: ProviderBlock }
  | { type: 'provisioner'; provision: Provision };

/** A call on a config object: `config.vm.box = "x"`, `config.vm.network "forwarded_port", guest: 80`, `vb.memory = 2048`. */
export interface SettingCall {
  id: number;
  target: Target;
  /** Method name without a trailing `=` (`box`, `network`, `memory`). */
  name: string;
  /** `x.name = value`, `x.name ||= value` ... */
  assignment: boolean;
  /** For assignments: the assigned value (unknown for `||=`, `+=` ...). */
  value?: Value;
  /** Positional arguments. */
  args: Value[];
  kwargs: KeywordArg[];
  /** A `*splat`, `**opts`, `&block` argument or a hash variable: the arguments are not all known. */
  openArgs: boolean;
  /** The options were given as a braced hash (`{ guest: 80 }`) rather than as keywords. */
  bracedOptions: boolean;
  hasBlock: boolean;
  /** The whole call (for assignments: `x.name = value`). */
  range: Range;
  /** The method name token. */
  nameRange: Range;
  /** End of the last argument (where an extra keyword argument would go); undefined without arguments. */
  argsEnd?: Range;
  /** True when the arguments are in parentheses (`network("x", guest: 1)`). */
  parenthesized: boolean;
  flow: Flow;
  /** For a `vm.define`, `vm.provider` or `vm.provision` call: what it opened. */
  opened?: ConfigScope | ProviderBlock | Provision;
  /** Where the call is written: the machine block and loops around it (lexically, in the same method). */
  lexical: Lexical;
}

export interface Lexical {
  /** The innermost `vm.define` block the call is written in (not through a helper method). */
  machine?: ConfigScope;
  /** Ids of the loops (iterator blocks, for, while) around the call, outermost first. */
  loops: number[];
  /** For namespace calls: the config variable the call goes through (`config` in `config.vm.box`). */
  receiver?: { name: string; range: Range };
  /** The machine block's own config variable, when it is in scope at the call (`node`). */
  machineVariable?: string;
}

export interface ProviderBlock {
  id: number;
  /** The provider name as written (`"virtualbox"`, `:libvirt`). */
  name: Value;
  /** Lower-case name when literal. */
  provider?: string;
  scope: ConfigScope;
  call: SettingCall;
  /** Calls on the block's provider object (`vb.memory = 2048`). */
  settings: SettingCall[];
  override?: ConfigScope;
  /** The block parameter naming the provider object (`vb`) and the block's range. */
  param?: string;
  blockRange?: Range;
  /** The provider object is handed to other code: settings may be made where we cannot see. */
  escaped?: boolean;
}

/** A piece of a shell script embedded in a Ruby string: the text the shell receives, at a document offset. */
export interface ScriptPiece {
  text: string;
  offset: number;
}

/** An inline shell script of a provisioner (`inline:` or `s.inline =`), as the guest's shell will receive it. */
export interface InlineScript {
  /** Pieces of the script; interpolations (`#{...}`) are masked as a shell expansion of the same length. */
  pieces: ScriptPiece[];
  /** The Ruby string (or heredoc body) the script is written in. */
  range: Range;
  /** Read through a variable or constant (`inline: $script`). */
  via?: string;
}

/** A `path:` script of the project, read through the host (never outside the Vagrantfile's folder). */
export interface PathScript {
  /** The path as written and the file as read (joined to the Vagrantfile's folder). */
  path: string;
  file: string;
  text: string;
  /** The `path:` value in the Vagrantfile. */
  range: Range;
}

export interface Provision {
  id: number;
  /** The local script given as `path:`, when the host could read it. */
  pathScript?: PathScript;
  /** Inline shell scripts given to this provisioner. */
  inline?: InlineScript[];
  /** Provisioner type when known (`shell`, `ansible_local`): the first argument, or `type:` when given. */
  type?: string;
  typeValue: Value;
  /** Name when `type:` is given (the first argument is then a name). */
  name?: Value;
  scope: ConfigScope;
  call: SettingCall;
  /** Calls on the block's provisioner object (`shell.inline = "..."`). */
  settings: SettingCall[];
  /** The block parameter naming the provisioner object (`shell`) and the block's range. */
  param?: string;
  blockRange?: Range;
  escaped?: boolean;
}

/** A call that runs a host command while Vagrant loads the file: `system(...)`, `exec`, backticks, `%x()`. */
export interface HostCommand {
  method: string;
  /** The literal text of the command (interpolations replaced by \0). */
  text: string;
  range: Range;
  flow: Flow;
}

/** `for i in ...` around a `vm.define` whose block reads `i`: every machine sees the last value. */
export interface ForLoopCapture {
  variable: string;
  forRange: Range;
  define: SettingCall;
  use: Range;
}

export interface SyntaxError {
  message: string;
  range: Range;
}

export interface VagrantModel {
  text: string;
  lines: LineIndex;
  configures: ConfigureBlock[];
  scopes: ConfigScope[];
  /** Every config call in source order (settings of provider and provisioner blocks included). */
  calls: SettingCall[];
  /** Accesses of a root config namespace (`config.vm`, `config.hostmanager`). */
  namespaces: { name: string; range: Range; scope: ConfigScope; /** the config variable (`config`, `node`) */ receiver: string; flow: Flow }[];
  defines: MachineDefine[];
  providers: ProviderBlock[];
  provisions: Provision[];
  hostCommands: HostCommand[];
  /** Other calls on `Vagrant` itself (`Vagrant.require_version`, `Vagrant.has_plugin?`): the method word. */
  vagrantCalls: { name: string; range: Range; /** literal text of the arguments (interpolations as \0) */ args: string[]; flow: Flow }[];
  forLoopCaptures: ForLoopCapture[];
  /** Top-level constants assigned once with a literal. */
  constants: Map<string, Value>;
  syntaxErrors: SyntaxError[];
  comments: { line: number; text: string; range: Range }[];
  /** ERB tags of a template (`Vagrantfile.erb`), masked before parsing. */
  templateTags?: Range[];
  /** Ruby statements as line spans, for suppressions. */
  units: { startLine: number; endLine: number }[];
}
