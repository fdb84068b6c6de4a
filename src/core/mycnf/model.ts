import type { Range } from '../finding';
import type { LineIndex } from '../text';

/** Placeholder model; the full option-file parser replaces it. */
export interface MycnfModel {
  text: string;
  lines: LineIndex;
  comments: { line: number; text: string; range: Range }[];
  units: { startLine: number; endLine: number }[];
}
