/**
 * Vagrantfile templates (`Vagrantfile.erb`, as test-kitchen and other tools render them): the ERB tags are masked
 * so that Prism reads the Ruby around them, with every position kept (a mask has the tag's length in UTF-16 code
 * units; line breaks stay where they are).
 *
 * - `<% code %>`, `<%- code -%>`, `<%# comment %>`: blanked (spaces), so control flow of the template is invisible
 *   and never a syntax error;
 * - `<%= expr %>` inside a double-quoted string: `#{___}`, an interpolation, so the value is unknown;
 * - `<%= expr %>` elsewhere: `___`, a method call whose value is unknown.
 * Rules then stay silent about templated values, and no fix can land inside a tag (a masked word is never literal).
 */

import { readTemplate } from '../template/read';

export interface ErbMask {
  /** The text with its tags masked (same length as the original). */
  text: string;
  /** [start, end) offsets of every tag. */
  tags: [number, number][];
}

/** Masks the ERB tags of a text; undefined when it has none. The tags are found by the shared template reader. */
export function maskErb(text: string): ErbMask | undefined {
  if (!text.includes('<%')) return undefined;
  const reading = readTemplate(text, 'erb');
  if (!reading.tags.length) return undefined;
  const tags: [number, number][] = [];
  let out = '';
  let quote: string | undefined; // the string the scan is in, on the current line
  let i = 0;
  /** Copies text up to `to`, following Ruby string quotes on each line. */
  const copy = (to: number) => {
    while (i < to) {
      const ch = text[i];
      if (ch === '\n') quote = undefined;
      else if (quote) {
        if (ch === '\\' && i + 1 < to) {
          out += text.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      out += ch;
      i++;
    }
  };
  for (const t of reading.tags) {
    copy(t.start);
    const tag = text.slice(t.start, t.end);
    tags.push([t.start, t.end]);
    const blank = tag.replace(/[^\r\n]/g, ' ');
    if (t.type !== 'expression' || /[\r\n]/.test(tag)) out += blank;
    else if (quote === '"' && tag.length >= 4) out += `#{${'_'.repeat(tag.length - 3)}}`;
    else out += '_'.repeat(tag.length);
    i = t.end;
  }
  copy(text.length);
  return { text: out, tags };
}
