import type { Language } from '../language';
import { vagrantCompletions } from './complete';
import { vagrantHover } from './hover';
import { vagrantSymbols } from './outline';
import type { VagrantModel } from './model';
import { parseVagrantfile } from './parse';
import { readPathScripts } from './shell';
import { loadPrism, prismReady } from './prism';
import { loadShellParser } from '../shell/parser';
import { rules } from './rules/index';

export const vagrantLanguage: Language<VagrantModel> = {
  kind: 'vagrantfile',
  // Prism for the Ruby; tree-sitter-bash for the provisioning shell (rules that need it wait for it)
  ready: () => Promise.all([loadPrism(), loadShellParser()]).then(() => undefined),
  isReady: prismReady,
  parse: (text, env) => readPathScripts(parseVagrantfile(text), env),
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
  hover: (m, position) => vagrantHover(m, position),
  complete: (m, position) => vagrantCompletions(m, position),
  symbols: (m) => vagrantSymbols(m),
};
