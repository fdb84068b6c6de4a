import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { repeatedInStage } from '../repeated';

/** Only the last CMD of a stage counts; the earlier ones are dead text. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL4003', name: 'cmd-repeated', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['MultipleInstructionsDisallowed', 'DS-0016'] },
  check(m, ctx) {
    repeatedInStage(m, ctx, 'CMD');
  },
});
