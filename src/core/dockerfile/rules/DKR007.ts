import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { pairs, withTriggers } from '../instructions';

/**
 * `ENV key value` and `LABEL key value`: the legacy form takes the whole rest of the line as one value and allows one
 * pair only; Docker asks for `key=value`. The fix writes `key=value`, quoting the value when it holds blanks.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR007', name: 'key-value-legacy-format', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['LegacyKeyValueFormat'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      const kw = ins.getKeyword();
      if (kw !== 'ENV' && kw !== 'LABEL') continue;
      const ps = pairs(m, ins);
      if (ps.length !== 1 || !ps[0].legacy || ps[0].raw === undefined) continue;
      const p = ps[0];
      const raw = p.raw!;
      const esc = m.escapeChar;
      // template tags ({{ }}, {% %}, <% %>) are not Dockerfile text: in the key, the pair cannot be told apart (and a
      // fix would write into a tag); in the value, what it renders to is unknown, so the fix is not safe
      const tag = /\{\{|\{%|<%/;
      if (tag.test(m.text.slice(m.lines.offsetAt(ins.getRange().start), p.nameEnd))) continue;
      const templated = tag.test(raw);
      let value: string | undefined;
      if (!/[\r\n]/.test(raw)) {
        if (!hasUnquotedBlank(raw, esc)) value = raw;
        else if (!/["'`\\]/.test(raw) && !raw.includes(esc)) value = `"${raw}"`;
      }
      const range = m.lines.rangeOf(p.nameStart, p.nameEnd);
      ctx.report({
        range,
        message: `"${kw} ${p.name} ${raw.length > 30 ? `${raw.slice(0, 30)}…` : raw}" uses the legacy form; write ${kw} ${p.name}=<value>.`,
        fixes: value === undefined ? [] : [{ title: `Write ${kw} ${p.name}=${value}`, safe: !templated, edits: [{ range: m.lines.rangeOf(p.nameEnd, p.valueStart!), newText: '=' }, ...(value === raw ? [] : [{ range: m.lines.rangeOf(p.valueStart!, p.valueEnd!), newText: value }])] }],
      });
    }
  },
});

function hasUnquotedBlank(s: string, esc: string): boolean {
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === esc && q !== "'") {
      i++;
      continue;
    }
    if (q) {
      if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === ' ' || c === '\t') return true;
  }
  return false;
}
