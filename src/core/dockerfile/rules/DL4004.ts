import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { repeatedInStage } from '../repeated';

/** Only the last ENTRYPOINT of a stage counts; the earlier ones are dead text. */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DL4004',
    name: 'entrypoint-repeated',
    kind: 'dockerfile',
    severity: 'error',
    fix: 'safe',
    aliases: ['MultipleInstructionsDisallowed', 'DS-0007'],
  },
  check(m, ctx) {
    repeatedInStage(m, ctx, 'ENTRYPOINT');
  },
});
