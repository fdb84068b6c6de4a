/**
 * Turning a shell-form command (CMD, ENTRYPOINT) into exec form when that keeps its meaning: plain words, simple
 * quoting, no variables, no shell operators, no shell builtins.
 */
import type { DockerfileModel } from './model';
import { splitWords } from './instructions';

const BUILTINS = new Set([
  'cd', 'export', 'set', 'unset', 'source', '.', 'if', 'then', 'for', 'while', 'until', 'case', 'exit', 'eval', 'ulimit',
  'umask', 'trap', 'alias', 'readonly', 'wait', '{', '(', '!', 'function', 'local', 'shift', 'return', 'declare', 'typeset',
]);

/** The words of a simple command, unquoted; undefined when the text needs a shell to mean what it says. */
export function simpleCommand(m: DockerfileModel, start: number, end: number): string[] | undefined {
  const ws = splitWords(m.text, start, end, m.escapeChar);
  const out: string[] = [];
  for (const w of ws) {
    const raw = m.text.slice(w.start, w.end);
    const v = unquoteSimple(raw);
    if (v === undefined) return undefined;
    out.push(v);
  }
  if (!out.length) return undefined;
  if (out[0] === 'exec') out.shift();
  if (!out.length || BUILTINS.has(out[0]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(out[0])) return undefined;
  return out;
}

/** A word's value when it has no expansion, globbing, redirection or operator; quotes are removed. */
function unquoteSimple(raw: string): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "'") {
      const j = raw.indexOf("'", i + 1);
      if (j < 0) return undefined;
      out += raw.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === '"') {
      const j = raw.indexOf('"', i + 1);
      if (j < 0) return undefined;
      const inner = raw.slice(i + 1, j);
      if (/[$`\\!]/.test(inner)) return undefined;
      out += inner;
      i = j;
      continue;
    }
    if (/[$`\\|&;<>(){}*?[\]~#!]/.test(c)) return undefined;
    out += c;
  }
  return out;
}

/** `["a", "b"]` with JSON escaping. */
export function jsonArray(values: string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}
