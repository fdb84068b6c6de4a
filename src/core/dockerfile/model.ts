import type { Dockerfile, Instruction, From } from 'dockerfile-ast';
import type { Range } from '../finding';
import type { LineIndex } from '../text';

export interface Stage {
  index: number;
  /** The FROM instruction that starts the stage. */
  from: From;
  /** Alias after AS, lower-cased as Docker compares it; undefined when unnamed. */
  name?: string;
  /** Instructions of the stage, FROM included. */
  instructions: Instruction[];
  startLine: number;
  endLine: number;
}

export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  ast: Dockerfile;
  instructions: Instruction[];
  /** Instructions before the first FROM (ARG, and mistakes). */
  preamble: Instruction[];
  stages: Stage[];
  comments: { line: number; text: string; range: Range }[];
  /** Parser directives at the top of the file (`syntax`, `escape`, `check`), lower-cased names. */
  directives: { name: string; value: string; range: Range; valueRange: Range }[];
}

export function finalStage(m: DockerfileModel): Stage | undefined {
  return m.stages[m.stages.length - 1];
}
