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
import { isOptionFileName, looksLikeOptionFile } from './describe';

const UTF16_MESSAGE =
  'This option file is saved as UTF-16 (as Windows Notepad offers): MySQL and MariaDB read option files byte by byte, so they cannot read it and stop with "Found option without preceding group". Save it as UTF-8 without a byte-order mark (or ASCII).';

/** UTF-16 text read as UTF-8: every other character of the first line is NUL (after a mangled byte-order mark). */
export function looksUtf16(text: string): boolean {
  const p = text.slice(0, 256).replace(/^(\uFFFD\uFFFD?|\uFEFF)/, '');
  if (p.length < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 0) i % 2 ? odd++ : even++;
  const half = p.length / 2;
  return odd >= half * 0.9 || even >= half * 0.9;
}

export const mycnfLanguage: Language<MycnfModel> = {
  kind: 'mycnf',
  editorLanguage: 'mycnf',
  ownsEditorLanguage: true,
  /** my.cnf, .my.cnf, my.ini, *.cnf but mysqld-auto.cnf. */
  matchesFileName(name) {
    const lower = name.toLowerCase();
    // other *.cnf files are option files only by their folder or their content (see isOptionFileName and
    // looksLikeOptionFile in describe.ts); mysqld-auto.cnf is JSON (SET PERSIST)
    return lower === 'my.cnf' || lower === '.my.cnf' || lower === 'my.ini' || (lower.endsWith('.cnf') && lower !== 'mysqld-auto.cnf');
  },
  notOwnContent: (path, text) =>
    isOptionFileName(path) === 'by-content' && !looksLikeOptionFile(text) ? 'no MySQL/MariaDB groups, options or !include in it' : undefined,
  binaryText: (text) => (looksUtf16(text) ? { message: UTF16_MESSAGE, severity: 'error' } : undefined),
  // real option files are a few KiB; past this a file is not linted (DG002), which keeps every lint under a second
  maxTextLength: 512 * 1024,
  fence: 'ini',
  title: 'MySQL and MariaDB option files',
  config: mysqlConfigSection,
  ready: () => Promise.resolve(),
  isReady: () => true,
  parse: (text, env, config) => buildModel(text, env, config, loadRef),
  rules,
  template: (m) => m.template,
  suppression: (m) => ({
    comments: m.comments,
    // read only when the file has an ignore comment (the model builds them on first use)
    get units() {
      return m.units;
    },
  }),
  // findings in included files (rules report them with `input: option.source`)
  route: routeReport,
  hover: (m, position) => mycnfHover(m, position),
  complete: (m, position) => mycnfComplete(m, position),
  symbols: (m) => mycnfSymbols(m),
};
