import type { Language } from '../language';
import { LineIndex } from '../text';
import type { VagrantModel } from './model';
import { rules } from './rules/index';

export const vagrantLanguage: Language<VagrantModel> = {
  kind: 'vagrantfile',
  ready: () => Promise.resolve(),
  isReady: () => true,
  parse(text) {
    const lines = new LineIndex(text);
    return { text, lines, comments: [], units: [] };
  },
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
};
