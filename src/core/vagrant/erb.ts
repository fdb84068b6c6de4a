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

export interface ErbMask {
  /** The text with its tags masked (same length as the original). */
  text: string;
  /** [start, end) offsets of every tag. */
  tags: [number, number][];
}

/** Masks the ERB tags of a text; undefined when it has none. */
export function maskErb(text: string): ErbMask | undefined {
  if (!text.includes('<%')) return undefined;
  const tags: [number, number][] = [];
  let out = '';
  let quote: string | undefined; // the string the scan is in, on the current line
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '<' && text[i + 1] === '%' && text[i + 2] !== '%') {
      const close = text.indexOf('%>', i + 2);
      const end = close < 0 ? text.length : close + 2;
      const tag = text.slice(i, end);
      tags.push([i, end]);
      const expr = /^<%-?==?/.test(tag) && !tag.startsWith('<%#');
      const blank = tag.replace(/[^\r\n]/g, ' ');
      if (!expr || /[\r\n]/.test(tag)) out += blank;
      else if (quote === '"' && tag.length >= 4) out += `#{${'_'.repeat(tag.length - 3)}}`;
      else if (quote) out += '_'.repeat(tag.length);
      else out += '_'.repeat(tag.length);
      i = end;
      continue;
    }
    if (ch === '\n') quote = undefined;
    else if (quote) {
      if (ch === '\\') {
        out += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') {
      // a Ruby comment: copy the rest of the line as is (tags in it are still masked by the loop)
    }
    out += ch;
    i++;
  }
  return { text: out, tags };
}
