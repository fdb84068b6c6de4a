import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';

const ESC: Record<string, string> = { n: 'a line break', t: 'a TAB', r: 'a carriage return', b: 'a backspace', s: 'a space' };

/** `C:\temp\new`: in option-file values `\t`, `\n`, `\r`, `\b` and `\s` are escapes, so a Windows path breaks. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC011', name: 'path-backslash-escape', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const o of m.options) {
      const raw = o.rawValue;
      if (!raw || !o.valueRange || !raw.includes('\\')) continue;
      const pathLike = /^["']?[A-Za-z]:\\/.test(raw) || /^["']?\\\\/.test(raw) || o.info?.type === 'filename' || /(dir|file|path|socket)$/.test(o.name);
      if (!pathLike) continue;
      let hit: string | undefined;
      const inner = o.quote ? raw.slice(1, -1) : raw;
      for (let i = 0; i < inner.length - 1; i++) {
        if (inner[i] !== '\\') continue;
        const n = inner[i + 1];
        if (ESC[n]) {
          hit = n;
          break;
        }
        i++;
      }
      if (!hit) continue;
      ctx.report({
        input: o.source,
        range: o.valueRange,
        message: `In option files \`\\${hit}\` is an escape: the server reads it in this path as ${ESC[hit]}. Use forward slashes (they work on Windows too) or double the backslashes.`,
        fixes: [fix('Use forward slashes', false, { range: o.valueRange, newText: raw.replace(/\\\\|\\/g, '/') })],
      });
    }
  },
});
