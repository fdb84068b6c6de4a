import { defineRule } from '../../rule';
import { finalStage, type DockerfileModel } from '../model';
import { inherited } from '../stages';

/**
 * The final image is a network service (it sets a command and EXPOSEs a port) but has no HEALTHCHECK: Docker (and
 * Swarm, Compose) cannot tell a hung service from a healthy one, so nothing restarts or reroutes around it. Images
 * without a command or a port in this file (base images, tools, build-only images) are left alone, as is
 * `HEALTHCHECK NONE`, an explicit decision.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR012', name: 'healthcheck-missing', kind: 'dockerfile', severity: 'info', fix: 'none', aliases: ['DS-0026', 'CKV_DOCKER_2'] },
  check(m, ctx) {
    const stage = finalStage(m);
    if (!stage) return;
    const all = inherited(stage);
    if (all.some((i) => i.getKeyword() === 'HEALTHCHECK')) return;
    const runs = all.filter((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
    // a long-running network service: it runs a command and listens on a port
    if (!runs.length || !all.some((i) => i.getKeyword() === 'EXPOSE')) return;
    ctx.report({
      range: stage.from.getInstructionRange(),
      message: 'The final image runs a network service but has no HEALTHCHECK: Docker cannot tell a hung service from a healthy one. Add a HEALTHCHECK (or HEALTHCHECK NONE if the base image\'s check does not apply).',
      related: [{ message: 'the command the image runs', range: runs[runs.length - 1].getRange() }],
    });
  },
});
