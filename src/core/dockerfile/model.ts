import type { TemplateReading } from '../template/read';
import type { Instruction, From } from './syntax';
import type { Range } from '../finding';
import type { LineIndex } from '../text';

export interface Stage {
  index: number;
  /** The FROM instruction that starts the stage. */
  from: From;
  /** Alias after AS, lower-cased as Docker compares it; undefined when unnamed. */
  name?: string;
  /** The alias as written and its range. */
  nameText?: string;
  nameRange?: Range;
  /** Instructions of the stage, FROM included. */
  instructions: Instruction[];
  startLine: number;
  endLine: number;
  /** The image argument of FROM as written (`${BASE}`, `alpine:3.20`), its range and its document offset. */
  image?: { raw: string; range: Range; offset: number };
  /** The earlier stage this one is built on (`FROM build`), matched case-insensitively. */
  parent?: Stage;
  /** `FROM scratch`. */
  scratch: boolean;
}

/** A problem Docker's parser would reject the file for (reported by DL1000). */
export interface ParseProblem {
  message: string;
  range: Range;
}

export interface Directive {
  /** Lower-cased name: `syntax`, `escape`, `check`, or another key. */
  name: string;
  value: string;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

export interface DockerfileModel {
  /** The text as given (a template's with its tags masked: same length and lines). */
  text: string;
  /** The template this Dockerfile was read from (Dockerfile.j2, Dockerfile.template...), tags masked in `text`. */
  template?: TemplateReading;
  lines: LineIndex;
  instructions: Instruction[];
  /** Instructions before the first FROM (ARG, and mistakes). */
  preamble: Instruction[];
  stages: Stage[];
  comments: { line: number; text: string; range: Range }[];
  /** Parser directives at the top of the file (`syntax`, `escape`, `check`), lower-cased names. */
  directives: Directive[];
  /** The escape character: `\` or the one set by `# escape=`. */
  escapeChar: string;
  /** Syntax problems Docker would refuse to build (DL1000). */
  problems: ParseProblem[];
  /** Offset of each instruction's start in `text`, parallel to `instructions`. */
  offsets: number[];
  /** Stage of each instruction (undefined for the preamble), parallel to `instructions`. */
  stageOfIndex: (Stage | undefined)[];
  /** Position of each instruction in `instructions`. */
  indexOf: Map<Instruction, number>;
  /** Lazily computed analyses (variables, scopes); see analysis.ts. */
  cache: Map<string, unknown>;
}

export function finalStage(m: DockerfileModel): Stage | undefined {
  return m.stages[m.stages.length - 1];
}

/** The stage an instruction belongs to (undefined before the first FROM). */
export function stageOf(m: DockerfileModel, ins: Instruction): Stage | undefined {
  const i = m.indexOf.get(ins);
  return i === undefined ? undefined : m.stageOfIndex[i];
}

/** The stage and its in-file ancestors (`FROM build` chains), nearest first. Stops at cycles. */
export function stageChain(stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** A value cached on the model: computed once per parse, shared by every rule. */
export function cached<T>(m: DockerfileModel, key: string, compute: () => T): T {
  if (m.cache.has(key)) return m.cache.get(key) as T;
  const v = compute();
  m.cache.set(key, v);
  return v;
}
