import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { flag } from '../instructions';

/** FROM --platform=$TARGETPLATFORM says what Docker does anyway. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3065', name: 'target-platform-redundant', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['RedundantTargetPlatform'] },
  check(m, ctx) {
    for (const stage of m.stages) {
      const f = flag(stage.from, 'platform');
      const value = f?.getValue();
      if (!f || !value || !/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(value)) continue;
      const r = f.getRange();
      const start = m.lines.offsetAt(r.start);
      let end = m.lines.offsetAt(r.end);
      while (m.text[end] === ' ' || m.text[end] === '\t') end++;
      ctx.report({
        range: r,
        message: `--platform=${value} is redundant: a stage is built for the target platform unless told otherwise.`,
        fixes: [{ title: `Remove --platform=${value}`, safe: true, edits: [{ range: m.lines.rangeOf(start, end), newText: '' }] }],
      });
    }
  },
});
