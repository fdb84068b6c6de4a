import type { Instruction } from '../syntax';
import { defineRule } from '../../rule';
import { finalStage, stageChain, type DockerfileModel } from '../model';
import { expandAt } from '../analysis';
import { argsSpan } from '../instructions';
import { shown } from '../report';
import { UNKNOWN } from '../variables';

/** root, 0, root:group, 0:group. */
export function isRootUser(user: string): boolean {
  const u = user.split(':')[0];
  return u === 'root' || u === '0';
}

/**
 * The container runs as root because the last USER of the final stage (or of the stage it is built on in this file)
 * is root. Only the final stage matters: build stages may need root.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3002', name: 'final-user-root', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['DS-0002', 'CKV_DOCKER_8'] },
  check(m, ctx) {
    const last = finalStage(m);
    if (!last) return;
    let user: Instruction | undefined;
    for (const s of stageChain(last)) {
      for (const ins of s.instructions) if (ins.getKeyword() === 'USER') user = ins;
      if (user) break;
    }
    if (!user) return;
    const span = argsSpan(m, user);
    if (!span) return;
    const x = expandAt(m, user, span.text, span.start);
    const value = x.value.trim();
    if (value.includes(UNKNOWN) || !isRootUser(value)) return;
    const inherited = !last.instructions.includes(user);
    ctx.report({
      range: m.lines.rangeOf(span.start, span.start + span.text.trimEnd().length),
      message: `The final image runs as root${x.refs.length ? ` ("${shown(value)}")` : ''}${inherited ? ', inherited by the final stage from this one' : ''}: a process that escapes the container starts with root's rights. Switch to an unprivileged USER at the end.`,
    });
  },
});
