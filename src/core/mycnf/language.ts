import type { Language } from '../language';
import { buildModel } from './analyze';
import { mycnfComplete } from './complete';
import { mycnfHover } from './hover';
import type { MycnfModel } from './model';
import { mycnfSymbols } from './outline';
import { loadRef } from './refs';
// registers the option reference with refs.ts
import './reference';
import { rules } from './rules/index';

export const mycnfLanguage: Language<MycnfModel> = {
  kind: 'mycnf',
  ready: () => Promise.resolve(),
  isReady: () => true,
  parse: (text, env, config) => buildModel(text, env, config, loadRef),
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
  hover: (m, position) => mycnfHover(m, position),
  complete: (m, position) => mycnfComplete(m, position),
  symbols: (m) => mycnfSymbols(m),
};
