import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { withTriggers } from '../instructions';
import { exposedPorts } from '../expose';

/** EXPOSE of a port that does not exist (TCP and UDP ports are 0–65535). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3011', name: 'expose-port-out-of-range', kind: 'dockerfile', severity: 'error', fix: 'none', aliases: ['DS-0008'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      if (ins.getKeyword() !== 'EXPOSE') continue;
      for (const p of exposedPorts(m, ins)) {
        if (!/^\d+(-\d+)?$/.test(p.port)) {
          if (p.port && !/[^\w-]/.test(p.port) && /[^\d-]/.test(p.port)) {
            ctx.report({ range: p.portRange, message: `EXPOSE "${p.value}": "${p.port}" is not a port number.` });
          }
          continue;
        }
        const bad = [p.from, p.to].find((n) => n > 65535);
        if (bad !== undefined) {
          ctx.report({ range: p.portRange, message: `EXPOSE ${p.value}: port ${bad} is outside 0–65535${p.fromVariable ? ` (from "${p.raw}")` : ''}.` });
        } else if (p.to < p.from) {
          ctx.report({ range: p.portRange, message: `EXPOSE ${p.value}: the range ends before it starts.` });
        }
      }
    }
  },
});
