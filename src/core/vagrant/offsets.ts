/**
 * Prism reports locations as UTF-8 byte offsets into the source; editors count UTF-16 code units.
 * For ASCII text both are equal. Otherwise we remember a checkpoint after every non-ASCII character
 * (byte offset → UTF-16 offset) and convert by binary search: memory grows with the number of non-ASCII
 * characters, not with the size of the file.
 */
export class ByteOffsets {
  private readonly bytes: number[] = [];
  private readonly units: number[] = [];
  /** Byte offset where each non-ASCII character starts (its end is in `bytes`). */
  private readonly starts: number[] = [];
  readonly ascii: boolean;
  readonly byteLength: number;

  constructor(text: string) {
    let b = 0;
    // The encoding must match TextEncoder's (which parsePrism uses): a lone surrogate becomes U+FFFD (3 bytes).
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        b++;
        continue;
      }
      this.starts.push(b);
      if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          b += 4;
          i++;
        } else b += 3;
      } else b += 3;
      this.bytes.push(b);
      this.units.push(i + 1);
    }
    this.ascii = this.bytes.length === 0;
    this.byteLength = b;
  }

  /** UTF-16 offset of a byte offset (a byte inside a multi-byte character maps to the character's end). */
  toUtf16(byteOffset: number): number {
    if (this.ascii) return byteOffset;
    const bs = this.bytes;
    let lo = 0;
    let hi = bs.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (bs[mid] <= byteOffset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // inside the next non-ASCII character (Prism can point into one, e.g. at an invalid byte): its end, never the
    // middle of a surrogate pair
    const next = best + 1;
    if (next < bs.length && byteOffset > this.starts[next]) return this.units[next];
    if (best < 0) return byteOffset;
    return this.units[best] + (byteOffset - bs[best]);
  }
}
