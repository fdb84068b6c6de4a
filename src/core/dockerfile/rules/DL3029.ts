import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { flag } from '../instructions';

/**
 * FROM --platform with a constant value (linux/amd64) ties the stage to one platform and breaks multi-platform
 * builds. Variables ($BUILDPLATFORM for cross-compilation) are the point of the flag and are not flagged; a stage
 * whose name mentions the platform's OS or architecture (build_amd64) is a deliberate per-platform stage.
 */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DL3029',
    name: 'from-platform-constant',
    kind: 'dockerfile',
    severity: 'warning',
    fix: 'unsafe',
    aliases: ['FromPlatformFlagConstDisallowed'],
  },
  check(m, ctx) {
    for (const stage of m.stages) {
      const f = flag(stage.from, 'platform');
      const value = f?.getValue();
      if (!f || !value || value.includes('$')) continue;
      const [os, arch] = value.split('/');
      const name = stage.name ?? '';
      if (name && ((os && name.includes(os.toLowerCase())) || (arch && name.includes(arch.toLowerCase())))) continue;
      const r = f.getRange();
      const start = m.lines.offsetAt(r.start);
      let end = m.lines.offsetAt(r.end);
      while (m.text[end] === ' ' || m.text[end] === '\t') end++;
      ctx.report({
        range: f.getValueRange() ?? r,
        message: `FROM --platform=${value} pins this stage to one platform, so the Dockerfile cannot be built for others; pass --platform to the build instead, or use $BUILDPLATFORM for build tools.`,
        fixes: [{ title: `Remove --platform=${value}`, safe: false, edits: [{ range: m.lines.rangeOf(start, end), newText: '' }] }],
      });
    }
  },
});
