/**
 * Text for the terminal: file names, option names and messages can hold anything a file or a file name can (a
 * newline, an escape sequence, a bidi override), and printed raw they could fake a finding line, hide one, or
 * drive the terminal. Control characters are printed as visible escapes instead: `\n`, `\r`, `\t`, `\e`, `\xNN`,
 * `\u{NNNN}`.
 */
const NAMED: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r', 27: '\\e' };

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides and isolates, BOM
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g;

export function escapeControl(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    return NAMED[c] ?? (c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u{${c.toString(16)}}`);
  });
}
