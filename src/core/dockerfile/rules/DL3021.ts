import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { wordValue } from '../analysis';
import { copySpec, withTriggers } from '../instructions';
import { UNKNOWN } from '../variables';

/** COPY of several sources into a destination that does not end with `/`: Docker refuses to build it. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3021', name: 'copy-destination-not-directory', kind: 'dockerfile', severity: 'error', fix: 'safe', aliases: ['DS-0011'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      if (ins.getKeyword() !== 'COPY') continue;
      const spec = copySpec(m, ins);
      const dest = spec.dest;
      if (!dest || spec.sources.length + spec.heredocs.length < 2) continue;
      const raw = spec.json ? dest.text : m.text.slice(dest.start, dest.end);
      const value = wordValue(m, ins, dest, spec.json);
      if (!value || value.includes(UNKNOWN) || value.endsWith('/') || value.endsWith('\\')) continue;
      // insert the slash inside the quotes of a JSON string
      const at = spec.json ? dest.end - 1 : /["']$/.test(raw) && raw.length > 1 ? dest.end - 1 : dest.end;
      const pos = m.lines.positionAt(at);
      ctx.report({
        range: m.lines.rangeOf(dest.start, dest.end),
        message: `COPY with ${spec.sources.length + spec.heredocs.length} sources needs a folder as destination, written with a trailing "/" ("${value}/").`,
        // a Windows destination (C:\app) may want a backslash: not safe there
        fixes: [{ title: `Write "${value}/"`, safe: !/^[A-Za-z]:|\\/.test(value), edits: [{ range: { start: pos, end: pos }, newText: '/' }] }],
      });
    }
  },
});
