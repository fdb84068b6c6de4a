import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { withTriggers } from '../instructions';
import { exposedPorts } from '../expose';

/** EXPOSE 80/TCP: Docker wants the protocol in lower case. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR009', name: 'expose-protocol-casing', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['ExposeProtoCasing'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      if (ins.getKeyword() !== 'EXPOSE') continue;
      for (const p of exposedPorts(m, ins)) {
        if (!p.proto || !p.protoRange || p.proto === p.proto.toLowerCase()) continue;
        const lower = p.proto.toLowerCase();
        ctx.report({
          range: p.protoRange,
          message: `The protocol "${p.proto}" should be written in lower case ("${lower}").`,
          fixes: p.fromVariable ? [] : [{ title: `Write "${lower}"`, safe: true, edits: [{ range: p.protoRange, newText: lower }] }],
        });
      }
    }
  },
});
