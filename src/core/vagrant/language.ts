import type { Language } from '../language';
import { vagrantCompletions } from './complete';
import { vagrantHover } from './hover';
import { vagrantSymbols } from './outline';
import type { VagrantModel } from './model';
import { parseVagrantfile } from './parse';
import { loadPrism, prismReady } from './prism';
import { rules } from './rules/index';

export const vagrantLanguage: Language<VagrantModel> = {
  kind: 'vagrantfile',
  ready: loadPrism,
  isReady: prismReady,
  parse: (text) => parseVagrantfile(text),
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
  hover: (m, position) => vagrantHover(m, position),
  complete: (m, position) => vagrantCompletions(m, position),
  symbols: (m) => vagrantSymbols(m),
};
