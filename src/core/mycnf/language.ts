import type { Language } from '../language';
import { buildModel } from './analyze';
import type { MycnfModel } from './model';
import { loadRef } from './refs';
import { rules } from './rules/index';

export const mycnfLanguage: Language<MycnfModel> = {
  kind: 'mycnf',
  ready: () => Promise.resolve(),
  isReady: () => true,
  parse: (text, env, config) => buildModel(text, env, config, loadRef),
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
};
