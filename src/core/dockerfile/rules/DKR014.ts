import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { argsSpan, execForm, splitWords, withTriggers } from '../instructions';
import { exposedPorts } from '../expose';

/**
 * An SSH server in a container: EXPOSE 22, or sshd as the container's command. Containers are entered with
 * `docker exec`; an sshd adds a daemon to patch, keys to manage and a door to guard.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR014', name: 'ssh-server-in-container', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['DS-0004', 'CKV_DOCKER_1'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      const kw = ins.getKeyword();
      if (kw === 'EXPOSE') {
        for (const p of exposedPorts(m, ins)) {
          if (!(p.from <= 22 && 22 <= p.to) || (p.proto && p.proto.toLowerCase() !== 'tcp')) continue;
          ctx.report({
            range: p.portRange,
            message: `EXPOSE ${p.value} opens the SSH port: containers are entered with "docker exec", not an SSH server that needs keys, patches and hardening.`,
          });
        }
      } else if (kw === 'CMD' || kw === 'ENTRYPOINT') {
        const ef = execForm(m, ins);
        let first: { text: string; start: number; end: number } | undefined;
        if (ef && ef !== 'invalid') {
          if (ef.values.length) first = { text: ef.values[0], start: ef.tokens[0].start, end: ef.tokens[0].end };
        } else if (!ef) {
          const span = argsSpan(m, ins);
          const w = span ? splitWords(m.text, span.start, span.end, m.escapeChar)[0] : undefined;
          if (w) first = { text: m.text.slice(w.start, w.end), start: w.start, end: w.end };
        }
        if (!first || !/(^|\/)sshd$/.test(first.text)) continue;
        ctx.report({
          range: m.lines.rangeOf(first.start, first.end),
          message: `The container's command starts an SSH server (${first.text}): use "docker exec" to get a shell, and keep one service per container.`,
        });
      }
    }
  },
});
