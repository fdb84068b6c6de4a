/**
 * A cheap pre-scan that estimates how deeply Ruby source nests, before it is handed to Prism.
 *
 * Why: prism.wasm recurses once per nested construct on a fixed WASM stack with no guard page. Past about 110–330
 * levels (depending on the construct: 110 nested `"#{`, 122 nested hashes, 136 nested `begin`, 162 nested
 * `(1..2).each do` blocks, 186 chained assignments, 330 nested `!`) the stack runs into the module's data and the
 * parser spins forever instead of failing — and a synchronous WASM loop cannot be interrupted. So anything that
 * nests beyond MAX_RUBY_NESTING by this estimate is not parsed at all.
 *
 * The estimate counts what makes Prism recurse: open brackets, blocks and keyword constructs (`do`, `begin`, `def`,
 * `class`, `module`, `case`, statement `if`/`unless`/`while`/`until`/`for`), string interpolation, and within one
 * statement the right-associative or prefix operators (assignments, `!`, `not`, unary minus, the ternary `?`,
 * `**`, modifier `if`/`unless`/`while`/`until`/`rescue`). It skips comments, `=begin` blocks, string contents and
 * heredoc bodies. It errs on the side of counting more (a regex or percent literal's brackets count), never of
 * missing a level; real Vagrantfiles stay far below the limit (the corpus's deepest is reported by the fuzz test).
 * Linear time, no allocation per character.
 */

/** Refuse above this estimate: well under the smallest construct's limit measured on prism.wasm 1.9.0 (110). */
export const MAX_RUBY_NESTING = 64;

const OPENERS = new Set(['begin', 'def', 'class', 'module', 'case', 'for']);
const STATEMENT_OPENERS = new Set(['if', 'unless', 'while', 'until']);
const LOOP_WITH_DO = new Set(['while', 'until', 'for']);
/** Keywords after which an expression starts (so `if` there opens a statement, and `-` is unary). */
const EXPRESSION_START_WORDS = new Set([
  'then', 'do', 'else', 'elsif', 'and', 'or', 'not', 'when', 'in', 'begin', 'ensure', 'rescue',
]);
const MODIFIERS = new Set(['if', 'unless', 'while', 'until', 'rescue']);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128;
}

interface Literal {
  open: number;
  close: number;
  interp: boolean;
  /** Paired delimiters nested inside (`%(a (b) c)`). */
  nest: number;
}

interface Frame {
  /** What closes it: ')' ']' '}' for brackets, 'end' for keyword blocks, '#}' for an interpolation. */
  close: string;
  /** Operators counted in the current statement of this frame. */
  chain: number;
}

/**
 * The estimated nesting depth of Ruby source, stopping early (returning a value above `limit`) once it is exceeded.
 */
export function rubyNestingDepth(text: string, limit = MAX_RUBY_NESTING): number {
  const n = text.length;
  const frames: Frame[] = [{ close: '', chain: 0 }];
  let load = 0;
  let max = 0;
  /** True when the previous significant token ends an operand (an identifier, a literal, a closing bracket). */
  let afterOperand = false;
  /** A `while`/`until`/`for` opened on this line: its optional `do` opens nothing. */
  let loopDoPending = false;
  /**
   * Where the last identifier ended (-1: none): an identifier after it with only blanks between is an argument of a
   * command call without parentheses (`a b c` is `a(b(c))`), which Prism reads recursively too. The fuzzer found
   * 850 of them on one line making prism.wasm spin forever inside a block.
   */
  let identEnd = -1;
  /** Heredoc terminators waiting for the end of the current line. */
  let heredocs: { id: string; indented: boolean }[] = [];
  let i = 0;
  let lineStart = true;
  const top = () => frames[frames.length - 1];
  const bump = () => {
    if (load > max) max = load;
  };
  const push = (close: string) => {
    frames.push({ close, chain: 0 });
    load++;
    bump();
  };
  const pop = (close: string) => {
    // pop to the matching frame; an unmatched closer is ignored (the parser reports it)
    for (let k = frames.length - 1; k > 0; k--) {
      if (frames[k].close === '#}' && close !== '#}') return false;
      if (frames[k].close === close) {
        while (frames.length > k) load -= frames.pop()!.chain + 1;
        return true;
      }
    }
    return false;
  };
  const op = () => {
    top().chain++;
    load++;
    bump();
  };
  const endStatement = () => {
    const f = top();
    load -= f.chain;
    f.chain = 0;
  };

  /** Literals whose interpolation is being scanned, to resume them after the matching '}'. */
  const stringResume: Literal[] = [];
  /**
   * Skips a literal's contents from `from` (just after its opening delimiter); an interpolation (`#{`) pushes a
   * frame and returns the index after it, the literal resuming at the matching '}'. Returns the new index.
   */
  const skipLiteral = (lit: Literal, from: number): number => {
    let j = from;
    afterOperand = true; // unless it stops at an interpolation
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) {
        j += 2;
        continue;
      }
      if (c === lit.close) {
        if (lit.nest === 0) return j + 1;
        lit.nest--;
      } else if (c === lit.open && lit.open !== lit.close) lit.nest++;
      else if (lit.interp && c === 35 && text.charCodeAt(j + 1) === 123) {
        stringResume.push(lit);
        push('#}');
        afterOperand = false;
        return j + 2;
      }
      j++;
    }
    return n;
  };

  while (i < n) {
    if (max > limit) return max;
    const c = text.charCodeAt(i);
    // line breaks
    if (c === 10 || c === 13) {
      i++;
      if (c === 13 && text.charCodeAt(i) === 10) i++;
      lineStart = true;
      loopDoPending = false;
      if (heredocs.length) {
        // skip the heredoc bodies, each up to its terminator line
        for (const h of heredocs) {
          while (i < n) {
            let e = i;
            while (e < n && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
            const line = text.slice(i, e);
            i = e;
            if (text.charCodeAt(i) === 13) i++;
            if (text.charCodeAt(i) === 10) i++;
            if ((h.indented ? line.trim() : line.replace(/\r$/, '')) === h.id) break;
          }
        }
        heredocs = [];
      }
      // a line ending in an operator or a comma continues the statement
      if (!afterOperand) continue;
      endStatement();
      afterOperand = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 12 || c === 11) {
      i++;
      continue;
    }
    // =begin … =end at the start of a line
    if (lineStart && c === 61 && text.startsWith('=begin', i)) {
      const e = text.indexOf('\n=end', i);
      i = e < 0 ? n : e + 5;
      continue;
    }
    lineStart = false;
    if (c === 35) {
      // a comment, to the end of the line
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      continue;
    }
    if (c === 92) {
      // a backslash continues the line
      i += 2;
      continue;
    }
    if (c === 34 || c === 96 || c === 39 || (c === 47 && !afterOperand)) {
      // "…", `…`, '…' and a regular expression /…/ (where an operand is expected)
      i = skipLiteral({ open: c, close: c, interp: c !== 39, nest: 0 }, i + 1);
      continue;
    }
    if (c === 37 && !afterOperand) {
      // percent literals: %(…) %Q[…] %w{…} %r<…> %i|…|
      let j = i + 1;
      const t = text.charCodeAt(j);
      const letter = /[qQwWiIrsx]/.test(text[j] ?? '') ? t : 0;
      if (letter) j++;
      const d = text.charCodeAt(j);
      if (j < n && !isWordChar(d) && d !== 32 && d !== 10 && d !== 13 && d !== 61) {
        const close = d === 40 ? 41 : d === 91 ? 93 : d === 123 ? 125 : d === 60 ? 62 : d;
        const interp = !(letter === 113 || letter === 119 || letter === 105 || letter === 115); // q w i s do not interpolate
        i = skipLiteral({ open: d, close, interp, nest: 0 }, j + 1);
        continue;
      }
    }
    if (isWordChar(c)) {
      let e = i + 1;
      while (e < n && isWordChar(text.charCodeAt(e))) e++;
      if (e < n && (text.charCodeAt(e) === 63 || text.charCodeAt(e) === 33)) e++; // defined? save!
      const word = text.slice(i, e);
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = text.charCodeAt(e);
      const isKey = next === 58 && text.charCodeAt(e + 1) !== 58; // `if:` is a hash key
      const isMember = prev === 46 || prev === 58; // `.end`, `:do` (a symbol), `::Class`
      const start = i;
      i = e;
      if (isKey || isMember) {
        afterOperand = !isKey;
        if (isMember && prev === 46) identEnd = e;
        continue;
      }
      if (word === 'end') {
        pop('end');
        afterOperand = true;
        continue;
      }
      if (word === 'do') {
        if (loopDoPending) loopDoPending = false;
        else push('end');
        afterOperand = false;
        continue;
      }
      if (OPENERS.has(word)) {
        push('end');
        if (LOOP_WITH_DO.has(word)) loopDoPending = true;
        afterOperand = false;
        continue;
      }
      if (STATEMENT_OPENERS.has(word) && !afterOperand) {
        push('end');
        if (LOOP_WITH_DO.has(word)) loopDoPending = true;
        continue;
      }
      if (MODIFIERS.has(word) || word === 'not' || word === 'defined?') {
        op();
        afterOperand = false;
        continue;
      }
      if (identEnd >= 0 && identEnd < start && /^[ \t]+$/.test(text.slice(identEnd, start))) op();
      identEnd = e;
      afterOperand = !EXPRESSION_START_WORDS.has(word);
      continue;
    }
    // heredoc openers: <<ID, <<-ID, <<~ID, with optional quotes
    const c2 = text.charCodeAt(i + 2);
    if (c === 60 && text.charCodeAt(i + 1) === 60 && (!afterOperand || c2 === 45 || c2 === 126 || (text.charCodeAt(i - 1) === 32 && c2 !== 32))) {
      const m = /^<<([-~]?)(["'`]?)([A-Za-z_]\w*)\2/.exec(text.slice(i, i + 80));
      if (m) {
        heredocs.push({ id: m[3], indented: m[1] !== '' });
        i += m[0].length;
        afterOperand = true;
        continue;
      }
    }
    i++;
    switch (c) {
      case 40: // (
      case 91: // [
        push(c === 40 ? ')' : ']');
        afterOperand = false;
        break;
      case 123: // {
        push('}');
        afterOperand = false;
        break;
      case 41:
      case 93:
        pop(c === 41 ? ')' : ']');
        afterOperand = true;
        break;
      case 125: // }
        if (top().close === '#}') {
          pop('#}');
          // resume the literal this interpolation sits in
          const lit = stringResume.pop();
          if (lit) i = skipLiteral(lit, i);
          else afterOperand = true;
        } else {
          pop('}');
          afterOperand = true;
        }
        break;
      case 59: // ;
        endStatement();
        afterOperand = false;
        loopDoPending = false;
        break;
      case 44: // , (a chain does not continue past it)
        endStatement();
        afterOperand = false;
        break;
      case 61: // = (assignment, ==, =~, =>)
      case 33: // ! (and !=)
      case 63: // ? (ternary, or a character literal)
        op();
        afterOperand = false;
        break;
      case 45: // - + ~ * & : unary (or binary, counted only in prefix position)
      case 43:
      case 126:
      case 42:
      case 38:
        if (!afterOperand) op();
        afterOperand = false;
        break;
      default:
        // other punctuation: an operator (its operand follows) or a literal character
        afterOperand = c === 46 ? false : !(c === 124 || c === 60 || c === 62 || c === 47 || c === 37 || c === 94 || c === 58);
    }
  }
  return max;
}
