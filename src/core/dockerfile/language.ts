import type { Language } from '../language';
import type { DockerfileModel } from './model';
import { parseDockerfile } from './parse';
import { rules } from './rules/index';
import { loadShellParser, shellParserReady } from '../shell/parser';
import { dockerfileHover } from './hover';
import { clearShellCache } from '../shell/script';

/** The model the engine parsed last, with its text. */
let last: { text: string; model: DockerfileModel } | undefined;

/**
 * The model of `text`: the one the engine's last lint parsed when that lint was of this very text (ShellCheck, hover
 * and code actions run right after a lint of the same document), else a new parse. Models are never changed after
 * parsing (what rules compute on them is cached on them), so sharing one is safe.
 */
export function dockerfileModelOf(text: string): DockerfileModel {
  return last && last.text === text ? last.model : parseDockerfile(text);
}

export const dockerfileLanguage: Language<DockerfileModel> = {
  kind: 'dockerfile',
  ready: loadShellParser,
  isReady: shellParserReady,
  parse(text) {
    const model = parseDockerfile(text);
    last = { text, model };
    return model;
  },
  rules,
  hover: (m, position) => dockerfileHover(m, position),
  clearCaches() {
    last = undefined;
    clearShellCache();
  },
  suppression(m) {
    const checkSkip: string[] = [];
    for (const d of m.directives) {
      if (d.name !== 'check') continue;
      for (const part of d.value.split(';')) {
        const [k, v] = part.split('=', 2).map((s) => s.trim());
        if (k === 'skip' && v) checkSkip.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
      }
    }
    return {
      comments: m.comments,
      // read only when the file has a directive
      get units() {
        return m.instructions.map((i) => ({ startLine: i.getRange().start.line, endLine: i.getRange().end.line }));
      },
      get stages() {
        return m.stages.map((s) => ({ startLine: s.startLine, endLine: s.endLine }));
      },
      dockerfile: true,
      checkSkip,
    };
  },
};
