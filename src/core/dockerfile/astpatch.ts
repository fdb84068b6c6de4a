/**
 * Speed-ups for dockerfile-ast 0.7, applied once to its Instruction prototype. Same results, a fraction of the work.
 *
 * 1. dockerfile-ast tokenises an instruction's arguments again on every getArguments() call, and its own
 *    constructors (JSONInstruction: RUN, COPY, ADD, CMD...) call it four or five times per instruction. An
 *    instruction's text never changes after parsing, so the tokens are computed once per instruction and handed out
 *    as a fresh array (callers such as ModifiableInstruction shift it). The keyword is upper-cased once too.
 * 2. The tokeniser itself (`getRawArguments`) is the largest single cost of a parse: it appends every character to
 *    the argument one at a time and validates every Range it builds. `rawArguments` below is the same state machine,
 *    statement for statement, except that a run of ordinary characters (neither blank nor the escape character),
 *    which the original appends one by one with no change of state, is appended as one slice, and each argument's
 *    range (the `{ start, end }` literal `Range.create(start, end)` returns) is computed when first asked. test/unit/dockerfile-astpatch.test.ts checks
 *    it against the original on every instruction of the corpus, the fixtures and generated edge cases.
 */
import { Argument, Instruction as AstInstruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';

const MEMO = Symbol('devops-guidance.args');
const KW = Symbol('devops-guidance.keyword');
const PATCHED = Symbol.for('devops-guidance.dockerfile-ast-memo');

interface Doc {
  getText(): string;
  offsetAt(p: Position): number;
  positionAt(offset: number): Position;
}
interface Internals {
  document: Doc;
  escapeChar: string;
  getInstructionRange(): Range;
  getTextContent(): string;
  [MEMO]?: Argument[];
  [KW]?: string;
}
type Proto = { getRawArguments(): Argument[]; getKeyword(): string; [PATCHED]?: { rawArguments: () => Argument[] } };

const proto = AstInstruction.prototype as unknown as Proto;

/** dockerfile-ast's own tokeniser, kept for the equivalence test. */
export const originalRawArguments: (this: unknown) => Argument[] = proto[PATCHED]?.rawArguments ?? proto.getRawArguments;

if (!proto[PATCHED]) {
  const keyword = proto.getKeyword;
  proto.getRawArguments = function (this: Internals) {
    return (this[MEMO] ??= rawArguments.call(this)).slice();
  };
  proto.getKeyword = function (this: Internals) {
    return (this[KW] ??= keyword.call(this));
  };
  proto[PATCHED] = { rawArguments: originalRawArguments };
}

/**
 * An Argument whose range is computed when first asked (most words of a RUN never are): the same value, the same
 * methods (its prototype chain includes Argument's), and the range `Range.create(start, end)` would give.
 */
class LazyArgument {
  private r?: Range;
  constructor(
    readonly value: string,
    private readonly doc: Doc,
    private readonly s: number,
    private readonly e: number,
  ) {}
  get range(): Range {
    return (this.r ??= { start: this.doc.positionAt(this.s), end: this.doc.positionAt(this.e) });
  }
}
Object.setPrototypeOf(LazyArgument.prototype, Argument.prototype);

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const DOLLAR = 36;
const HASH = 35;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/**
 * dockerfile-ast 0.7.1's Instruction.getRawArguments over character codes, with runs that take the same path with no
 * change of state consumed at once: ordinary characters (appended as one slice), blanks between words, blanks and
 * comment text inside an escaped newline sequence.
 */
export function rawArguments(this: Internals): Argument[] {
  const args: Argument[] = [];
  const doc = this.document;
  const range = this.getInstructionRange();
  const extra = doc.offsetAt(range.end) - doc.offsetAt(range.start);
  const content = this.getTextContent();
  const fullArgs = content.substring(extra);
  const offset = doc.offsetAt(range.start) + extra;
  const esc = this.escapeChar;
  const escCode = esc.length === 1 ? esc.charCodeAt(0) : -1;
  const n = fullArgs.length;
  const arg = (value: string, from: number, to: number): Argument => new LazyArgument(value, doc, offset + from, offset + to) as unknown as Argument;
  let start = false;
  let comment = false;
  let found = -1;
  // a blank that is part of an escaped newline sequence was seen
  let escapedWhitespaceDetected = false;
  // inside an escaped newline sequence
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = '';
  for (let i = 0; i < n; i++) {
    const c = fullArgs.charCodeAt(i);
    if (isBlank(c)) {
      if (escaping) {
        if (c === LF || c === CR) {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        } else {
          escapedWhitespaceDetected = true;
          // more spaces and tabs change nothing
          while (i + 1 < n && (fullArgs.charCodeAt(i + 1) === SPACE || fullArgs.charCodeAt(i + 1) === TAB)) i++;
        }
        continue;
      } else if (found !== -1) {
        args.push(arg(escapedArg, found, escapeMarker === -1 ? i : escapeMarker));
        escapeMarker = -1;
        escapedArg = '';
        found = -1;
      }
      // not escaping and no word open: more blanks change nothing
      while (i + 1 < n && isBlank(fullArgs.charCodeAt(i + 1))) i++;
    } else if (c === escCode) {
      const next = i + 1 < n ? fullArgs.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        whitespaceCheck: for (let j = i + 2; j < n; j++) {
          switch (fullArgs.charCodeAt(j)) {
            case SPACE:
            case TAB:
              continue;
            case CR:
              j++;
            // falls through
            case LF:
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) i = j - 1;
              break whitespaceCheck;
          }
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === -1) break; // the escape character ends the text
        escapedArg = next === DOLLAR ? escapedArg + esc + '$' : escapedArg + fullArgs.charAt(i + 1);
        if (found === -1) found = i;
        i++;
      }
    } else if (comment) {
      // comment text changes nothing up to the next blank or escape character
      while (i + 1 < n) {
        const d = fullArgs.charCodeAt(i + 1);
        if (isBlank(d) || d === escCode) break;
        i++;
      }
    } else {
      if (start && c === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(arg(escapedArg, found, escapeMarker));
          escapedArg = '';
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        // this character and the ordinary ones after it: the original appends them one per iteration, each time
        // through this same branch with nothing else changing (start is false from the second one on)
        let j = i + 1;
        while (j < n) {
          const d = fullArgs.charCodeAt(j);
          if (isBlank(d) || d === escCode) break;
          j++;
        }
        escapedArg += fullArgs.slice(i, j);
        if (found === -1) found = i;
        i = j - 1;
      }
      start = false;
    }
  }
  if (found !== -1) args.push(arg(escapedArg, found, escapeMarker === -1 ? n : escapeMarker));
  return args;
}
