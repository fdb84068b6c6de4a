import type { Instruction } from '../syntax';
import { defineRule } from '../../rule';
import { stageChain, type DockerfileModel } from '../model';
import { expandAt } from '../analysis';
import { argsSpan } from '../instructions';
import { outputStages } from '../stages';
import { stagePlatform } from '../platform';
import { createdUsers } from '../users';
import { shown } from '../report';
import { UNKNOWN } from '../variables';

/**
 * The user an image runs as is a name, not a numeric UID: the host, and orchestrators enforcing a non-root policy
 * (Kubernetes runAsNonRoot), cannot tell what the name stands for. Only the USER in effect when a container starts
 * counts (the last one of each stage that produces an image); `root` is DL3002's business. Windows images are left
 * alone: their users (ContainerUser, ContainerAdministrator) are accounts, not numeric UIDs. The advice names the UID
 * the file itself gives the user (`useradd -u 10001 app`), or none when the file does not choose one.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3066', name: 'user-not-numeric', kind: 'dockerfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const seen = new Set<Instruction>();
    for (const stage of outputStages(m)) {
      if (stagePlatform(m, stage).os === 'windows') continue;
      let user: Instruction | undefined;
      const chain = stageChain(stage);
      for (const s of chain) {
        for (const ins of s.instructions) if (ins.getKeyword() === 'USER') user = ins;
        if (user) break;
      }
      if (!user || seen.has(user)) continue;
      seen.add(user);
      const span = argsSpan(m, user);
      if (!span) continue;
      const x = expandAt(m, user, span.text, span.start);
      const name = x.value.trim().split(':')[0];
      if (!name || name.includes(UNKNOWN) || /^\d+$/.test(name) || name === 'root') continue;
      const end = span.start + span.text.trimEnd().length;
      const colon = x.refs.length ? -1 : span.text.indexOf(':');
      // the UID this file gives the user, in the stage chain, created before the USER line
      const userLine = user.getRange().start.line;
      const created = createdUsers(m)
        .filter((u) => u.name === name && u.stage && chain.includes(u.stage) && u.range.start.line < userLine)
        .pop();
      const advice = created?.uid
        ? `Use the UID this file gives it (USER ${created.uid}, from line ${created.range.start.line + 1}).`
        : 'Use its numeric UID (give the user a fixed one with useradd -u, then USER <uid>).';
      ctx.report({
        range: m.lines.rangeOf(span.start, colon >= 0 ? span.start + colon : end),
        message: `The image runs as user "${shown(name)}", a name rather than a numeric UID: the host and non-root policies (Kubernetes runAsNonRoot) cannot check what it maps to. ${advice}`,
        related: created ? [{ message: `user "${name}" is created here${created.uid ? ` with UID ${created.uid}` : ' without a fixed UID'}`, range: created.range }] : undefined,
      });
    }
  },
});
