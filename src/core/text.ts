import type { Position, Range } from './finding';

/** Line table over a text: offsets of line starts, in UTF-16 code units. Handles \n, \r\n and lone \r. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Text of a line without its line break. */
  line(n: number): string {
    if (n < 0 || n >= this.starts.length) return '';
    const s = this.starts[n];
    let e = n + 1 < this.starts.length ? this.starts[n + 1] : this.text.length;
    while (e > s && (this.text.charCodeAt(e - 1) === 10 || this.text.charCodeAt(e - 1) === 13)) e--;
    return this.text.slice(s, e);
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    // never between a CR and its LF, never inside a surrogate pair: step back to the character's start
    if (offset > 0 && offset < this.text.length) {
      const c = this.text.charCodeAt(offset);
      const b = this.text.charCodeAt(offset - 1);
      if ((c === 10 && b === 13) || (c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff)) offset--;
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    if (p.line < 0) return 0;
    return Math.min(this.starts[p.line] + p.character, this.text.length);
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  textOf(r: Range): string {
    return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end));
  }
}

let lastIndex: LineIndex | undefined;

/**
 * The line index of a text, kept for the last text asked for: a lint builds it for the parser and again for the
 * engine's range check, on the same string (an index is never changed once built).
 */
export function lineIndexOf(text: string): LineIndex {
  if (lastIndex !== undefined && lastIndex.text === text) return lastIndex;
  return (lastIndex = new LineIndex(text));
}

/** Splits into lines the same way LineIndex does. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), bounded:
 * returns max+1 as soon as the distance is known to exceed max.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** Closest candidates by edit distance (and shared prefix as a tie-breaker). */
export function didYouMean(word: string, candidates: Iterable<string>, maxDistance?: number): string[] {
  const w = word.toLowerCase();
  const limit = maxDistance ?? Math.max(1, Math.min(3, Math.floor(w.length / 4)));
  let best = limit + 1;
  let found: string[] = [];
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), limit);
    if (d < best) {
      best = d;
      found = [c];
    } else if (d === best && d <= limit) found.push(c);
  }
  return found.sort();
}

/**
 * A message that quotes a word of the file (a name, a value) whose length is absurd, shortened to its start and end:
 * a generated 100,000-character option name must not flood a terminal or a hover. Words up to 200 characters stay.
 */
export function boundMessage(message: string): string {
  if (message.length <= 400) return message;
  return message.replace(/\S{201,}/g, (w) => `${w.slice(0, 120)}…(${w.length - 140} more characters)…${w.slice(-20)}`);
}

/**
 * A copy of a string that shares nothing with it. A name or value is a slice of the linted text, and V8 keeps a
 * slice's whole parent alive: caches keyed by slices kept thousands of whole files (the long fuzz run's heap grew
 * 15 MB per 10,000 option files, 90 MB in a plain loop). Every cache that outlives a lint keys by copies.
 */
export function ownCopy(s: string): string {
  // concatenating makes a new string; slicing it flattens that copy first
  return (' ' + s).slice(1);
}
