import type { Language } from '../language';
import { LineIndex } from '../text';
import type { MycnfModel } from './model';
import { rules } from './rules/index';

export const mycnfLanguage: Language<MycnfModel> = {
  kind: 'mycnf',
  ready: () => Promise.resolve(),
  isReady: () => true,
  parse(text) {
    const lines = new LineIndex(text);
    const comments: MycnfModel['comments'] = [];
    const units: MycnfModel['units'] = [];
    for (let i = 0; i < lines.lineCount; i++) {
      const l = lines.line(i);
      const m = /^(\s*)[#;](.*)$/.exec(l);
      if (m) comments.push({ line: i, text: m[2].trim(), range: { start: { line: i, character: m[1].length }, end: { line: i, character: l.length } } });
      else if (l.trim()) units.push({ startLine: i, endLine: i });
    }
    return { text, lines, comments, units };
  },
  rules,
  suppression: (m) => ({ comments: m.comments, units: m.units }),
};
