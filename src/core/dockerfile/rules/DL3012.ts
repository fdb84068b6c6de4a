import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { repeatedInStage } from '../repeated';

/** Only the last HEALTHCHECK of a stage counts; the earlier ones are dead text. */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DL3012',
    name: 'healthcheck-repeated',
    kind: 'dockerfile',
    severity: 'error',
    fix: 'safe',
    aliases: ['MultipleInstructionsDisallowed', 'DS-0023'],
  },
  check(m, ctx) {
    repeatedInStage(m, ctx, 'HEALTHCHECK');
  },
});
