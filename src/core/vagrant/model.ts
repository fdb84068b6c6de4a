import type { Range } from '../finding';
import type { LineIndex } from '../text';

/** Placeholder model; the Prism-based parser replaces it. */
export interface VagrantModel {
  text: string;
  lines: LineIndex;
  comments: { line: number; text: string; range: Range }[];
  units: { startLine: number; endLine: number }[];
}
