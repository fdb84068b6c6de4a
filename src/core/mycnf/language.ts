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
import { mysqlConfigSection } from './targets';
import { routeReport } from './report';

export const mycnfLanguage: Language<MycnfModel> = {
  kind: 'mycnf',
  editorLanguage: 'mycnf',
  ownsEditorLanguage: true,
  /** my.cnf, .my.cnf, my.ini, *.cnf. */
  matchesFileName(name) {
    const lower = name.toLowerCase();
    return lower === 'my.cnf' || lower === '.my.cnf' || lower === 'my.ini' || lower.endsWith('.cnf');
  },
  maxTextLength: 2 * 1024 * 1024,
  fence: 'ini',
  config: mysqlConfigSection,
  ready: () => Promise.resolve(),
  isReady: () => true,
  parse: (text, env, config) => buildModel(text, env, config, loadRef),
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
  // findings in included files (rules report them with `input: option.source`)
  route: routeReport,
  hover: (m, position) => mycnfHover(m, position),
  complete: (m, position) => mycnfComplete(m, position),
  symbols: (m) => mycnfSymbols(m),
};
