import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { withTriggers } from '../instructions';
import { exposedPorts } from '../expose';

/**
 * EXPOSE 8080:80 or 127.0.0.1:80:80: EXPOSE documents the container's port; publishing to the host is `docker run -p`.
 * Docker keeps only the container port (and a future release will refuse the rest).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR010', name: 'expose-host-mapping', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['ExposeInvalidFormat'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      if (ins.getKeyword() !== 'EXPOSE') continue;
      for (const p of exposedPorts(m, ins)) {
        if (!p.host || !p.hostRange) continue;
        ctx.report({
          range: p.hostRange,
          message: `EXPOSE ${p.value} names ${p.host.split(':').length > 2 ? 'an address and a host port' : 'a host port'}; EXPOSE only declares the container port (${p.port}). Publish to the host at run time (docker run -p ${p.host}${p.port}).`,
          fixes: p.fromVariable ? [] : [{ title: `Keep only the container port ${p.port}`, safe: true, edits: [{ range: p.hostRange, newText: '' }] }],
        });
      }
    }
  },
});
