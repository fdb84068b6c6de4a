/**
 * The text a shell actually receives, with a map back to the Dockerfile.
 *
 * Docker joins a shell-form instruction's lines before the shell sees them: an escape character (`\`, or the
 * one named by `# escape=`) at the end of a line, optionally followed by blanks, is removed together with the
 * line break, and blank lines and comment lines inside the continuation are dropped. Nothing else is touched:
 * quotes, other backslashes and `$VAR`s are left to the shell. A ShellSource holds that joined text and maps
 * every offset in it back to an offset in the Dockerfile, so findings can underline the exact characters.
 */
import type { Range } from '../finding';
import type { LineIndex } from '../text';

export class ShellSource {
  /**
   * @param text     what the shell reads
   * @param lines    the Dockerfile's line table (physical offsets are offsets into its text)
   * @param segStart logical start offset of each contiguous piece (ascending, first is 0)
   * @param segPhys  physical offset of each piece's first character
   */
  private constructor(
    readonly text: string,
    /** The document's line table; `rebind` moves a source to a new version of the document (parse cache). */
    public lines: LineIndex,
    private readonly segStart: number[],
    private readonly segPhys: number[],
  ) {}

  /**
   * A source assembled from pieces of the document, each a text the shell receives and the document offset of its
   * first character (a piece may be shorter or longer than what it stands for: an escape sequence, a masked
   * template expression). Used for scripts embedded in another language's strings (a Vagrantfile's `inline:`).
   */
  static fromPieces(lines: LineIndex, pieces: readonly { text: string; offset: number }[]): ShellSource {
    const segStart: number[] = [];
    const segPhys: number[] = [];
    let text = '';
    for (const p of pieces) {
      if (!p.text) continue;
      segStart.push(text.length);
      segPhys.push(p.offset);
      text += p.text;
    }
    if (!segStart.length) {
      segStart.push(0);
      segPhys.push(pieces[0]?.offset ?? 0);
    }
    return new ShellSource(text, lines, segStart, segPhys);
  }

  /** A source that is one contiguous slice of the document (heredoc bodies, JSON strings without escapes). */
  static slice(lines: LineIndex, start: number, end: number): ShellSource {
    return new ShellSource(lines.text.slice(start, end), lines, [0], [start]);
  }

  /**
   * The joined text of the document between `start` and `end` (physical offsets), removing line continuations
   * made with `escape`. Continuations end at the first line that does not end with the escape character;
   * `stopAtLineEnd` stops there (the rest is heredoc bodies), otherwise the remainder is copied as is.
   * Offsets in `blank` (physical [start, end) pairs) are replaced by spaces (heredoc markers the shell parser
   * must not see).
   */
  static joined(
    lines: LineIndex,
    start: number,
    end: number,
    escape: string,
    options: { stopAtLineEnd?: boolean; blank?: [number, number][] } = {},
  ): ShellSource {
    const doc = lines.text;
    const segStart: number[] = [];
    const segPhys: number[] = [];
    // the pieces joined once at the end (a flat string, not a rope of one concatenation per line)
    const pieces: string[] = [];
    let length = 0;
    let i = start;
    const blank = options.blank ?? [];
    const push = (from: number, to: number) => {
      if (to <= from) return;
      segStart.push(length);
      segPhys.push(from);
      let piece = doc.slice(from, to);
      for (const [bs, be] of blank) {
        if (be <= from || bs >= to) continue;
        const s = Math.max(bs, from) - from;
        const e = Math.min(be, to) - from;
        piece = piece.slice(0, s) + ' '.repeat(e - s) + piece.slice(e);
      }
      pieces.push(piece);
      length += piece.length;
    };
    while (i < end) {
      // one physical line: [i, eol)
      let eol = i;
      while (eol < end && doc.charCodeAt(eol) !== 10 && doc.charCodeAt(eol) !== 13) eol++;
      let k = eol;
      while (k > i && (doc[k - 1] === ' ' || doc[k - 1] === '\t')) k--;
      const continued = k > i && doc[k - 1] === escape && eol < end;
      if (!continued) {
        if (options.stopAtLineEnd || eol >= end) {
          push(i, eol);
          break;
        }
        push(i, end);
        break;
      }
      push(i, k - 1);
      // skip the line break, then blank and comment lines that Docker drops inside a continuation
      let next = skipBreak(doc, eol);
      for (;;) {
        if (next >= end) break;
        let e2 = next;
        while (e2 < end && doc.charCodeAt(e2) !== 10 && doc.charCodeAt(e2) !== 13) e2++;
        const lineText = doc.slice(next, e2).trim();
        if (lineText === '' || lineText.startsWith('#')) {
          if (e2 >= end) {
            next = end;
            break;
          }
          next = skipBreak(doc, e2);
          continue;
        }
        break;
      }
      i = next;
    }
    if (!segStart.length) {
      segStart.push(0);
      segPhys.push(start);
    }
    return new ShellSource(pieces.length === 1 ? pieces[0] : pieces.join(''), lines, segStart, segPhys);
  }

  /**
   * Where this source lies in its document: for each piece its logical start, document offset, and the line and
   * column of its first character, flat. Two sources made of literal document slices (`joined`, `slice`) with the
   * same text and the same placement map every offset to the same document offset and position.
   */
  placement(): number[] {
    const out = new Array<number>(this.segStart.length * 4);
    for (let k = 0; k < this.segStart.length; k++) {
      const p = this.lines.positionAt(this.segPhys[k]);
      out[4 * k] = this.segStart[k];
      out[4 * k + 1] = this.segPhys[k];
      out[4 * k + 2] = p.line;
      out[4 * k + 3] = p.character;
    }
    return out;
  }

  /** True when this source lies exactly where `placement` (an earlier `placement()`) says. */
  placedAt(placement: readonly number[]): boolean {
    const n = this.segStart.length;
    if (placement.length !== 4 * n) return false;
    for (let k = 0; k < n; k++) {
      const phys = this.segPhys[k];
      if (placement[4 * k] !== this.segStart[k] || placement[4 * k + 1] !== phys) return false;
      const p = this.lines.positionAt(phys);
      if (placement[4 * k + 2] !== p.line || placement[4 * k + 3] !== p.character) return false;
    }
    return true;
  }

  /** A source made of a part of this one (the text of `sh -c '...'`): offsets are relative to `start`. */
  sub(start: number, end: number): ShellSource {
    const segStart: number[] = [];
    const segPhys: number[] = [];
    let i = this.segment(start);
    segStart.push(0);
    segPhys.push(this.segPhys[i] + (start - this.segStart[i]));
    for (i++; i < this.segStart.length && this.segStart[i] < end; i++) {
      segStart.push(this.segStart[i] - start);
      segPhys.push(this.segPhys[i]);
    }
    return new ShellSource(this.text.slice(start, end), this.lines, segStart, segPhys);
  }

  private segment(offset: number): number {
    let lo = 0;
    let hi = this.segStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segStart[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Logical offset of a document offset, or undefined when that character is not part of the text (a removed continuation). */
  logical(physical: number): number | undefined {
    let lo = 0;
    let hi = this.segPhys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segPhys[mid] <= physical) lo = mid;
      else hi = mid - 1;
    }
    const off = this.segStart[lo] + (physical - this.segPhys[lo]);
    const segEnd = lo + 1 < this.segStart.length ? this.segStart[lo + 1] : this.text.length;
    if (physical < this.segPhys[lo] || off > segEnd) return undefined;
    return off;
  }

  /** Document offset of a logical offset (the character at that offset). */
  physical(offset: number): number {
    const i = this.segment(offset);
    return this.segPhys[i] + (offset - this.segStart[i]);
  }

  /** Document offset just after the character before `offset` (for range ends, so a range never swallows a continuation). */
  physicalEnd(offset: number): number {
    if (offset <= 0) return this.physical(0);
    return this.physical(offset - 1) + 1;
  }

  /** The Dockerfile range of logical [start, end). */
  range(start: number, end: number): Range {
    const s = this.physical(start);
    const e = end > start ? this.physicalEnd(end) : s;
    return this.lines.rangeOf(s, e);
  }
}

function skipBreak(doc: string, at: number): number {
  if (doc.charCodeAt(at) === 13 && doc.charCodeAt(at + 1) === 10) return at + 2;
  if (doc.charCodeAt(at) === 10 || doc.charCodeAt(at) === 13) return at + 1;
  return at;
}
