import type { Language } from '../language';
import { vagrantCompletions } from './complete';
import { vagrantHover } from './hover';
import type { VagrantModel } from './model';
import { parseVagrantfile } from './parse';
import { loadPrism, prismReady } from './prism';
import { rules } from './rules/index';

export const vagrantLanguage: Language<VagrantModel> = {
  kind: 'vagrantfile',
  editorLanguage: 'ruby',
  // a Ruby document is a Vagrantfile only when it is named like one
  ownsEditorLanguage: false,
  /** Vagrantfile (any case of the first letter), *.Vagrantfile. */
  matchesFileName: (name) => /^vagrantfile$/i.test(name) || /\.vagrantfile$/i.test(name),
  // the biggest real Vagrantfile we know is 44 KiB; Prism's JavaScript deserializer reads about 0.3 MB/s
  maxTextLength: 256 * 1024,
  fence: 'ruby',
  ready: loadPrism,
  isReady: prismReady,
  parse: (text) => parseVagrantfile(text),
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
  hover: (m, position) => vagrantHover(m, position),
  complete: (m, position) => vagrantCompletions(m, position),
};
