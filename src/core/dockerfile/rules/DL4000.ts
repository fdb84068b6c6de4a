import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';

/** MAINTAINER is deprecated; the OCI authors label says the same and shows up in `docker inspect` with the others. */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DL4000',
    name: 'maintainer-deprecated',
    kind: 'dockerfile',
    severity: 'error',
    fix: 'unsafe',
    aliases: ['MaintainerDeprecated', 'DS-0022', 'CKV_DOCKER_6'],
  },
  check(m, ctx) {
    for (const ins of m.instructions) {
      if (ins.getKeyword() !== 'MAINTAINER') continue;
      const value = (ins.getArgumentsContent() ?? '').trim();
      const kw = ins.getInstruction();
      const label = kw === kw.toLowerCase() ? 'label' : 'LABEL';
      const esc = m.escapeChar;
      const quoted = `"${value.replace(/[\s\S]/g, (c) => (c === '"' || c === '$' || c === esc ? esc + c : c))}"`;
      const r = ins.getRange();
      ctx.report({
        range: ins.getInstructionRange(),
        message: 'MAINTAINER is deprecated; record the author with LABEL org.opencontainers.image.authors.',
        fixes: value
          ? [{ title: 'Replace with LABEL org.opencontainers.image.authors', safe: false, edits: [{ range: r, newText: `${label} org.opencontainers.image.authors=${quoted}` }] }]
          : [],
      });
    }
  },
});
