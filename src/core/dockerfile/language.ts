import type { Language } from '../language';
import type { DockerfileModel } from './model';
import { parseDockerfile } from './parse';
import { rules } from './rules/index';
import { loadShellParser, shellParserReady } from '../shell/parser';
import { dockerfileHover } from './hover';
import { clearShellCache } from '../shell/script';
import { dockerfileConfigSection, hadolintConfigFile, hadolintPragmasAllowed } from './config';
import { checkSkipNames, parseHadolintPragma, parserDirectiveLines, skippedByCheckDirective } from './pragmas';
import { SHELLCHECK_EXCLUDED, shellcheckFindings, shellcheckJobs } from './shell/shellcheck';

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
  editorLanguage: 'dockerfile',
  ownsEditorLanguage: true,
  /** Dockerfile, Containerfile, Dockerfile.*, Containerfile.*, *.Dockerfile, *.dockerfile. */
  matchesFileName(name) {
    const lower = name.toLowerCase();
    return lower === 'dockerfile' || lower === 'containerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') || lower.startsWith('containerfile.');
  },
  // the biggest real Dockerfile we know is 78 KiB; our parser reads about 1 MB/s
  maxTextLength: 1024 * 1024,
  fence: 'dockerfile',
  config: dockerfileConfigSection,
  configFiles: [hadolintConfigFile],
  headerLines: parserDirectiveLines,
  ignoreNote: (code) => ` (hadolint's \`# hadolint ignore=${code}\` works too)`,
  shellcheck: {
    exclude: SHELLCHECK_EXCLUDED,
    enabled: (config) => config.enable.dockerfile && config.dockerfile.shellcheck,
    model: dockerfileModelOf,
    jobs: shellcheckJobs,
    findings: shellcheckFindings,
  },
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
  suppression(m, config) {
    const checkSkip = checkSkipNames(m);
    return {
      comments: m.comments,
      // read only when the file has a directive
      get units() {
        return m.instructions.map((i) => ({ startLine: i.getRange().start.line, endLine: i.getRange().end.line }));
      },
      // `# hadolint stage ignore=` covers the stage that starts next
      get sections() {
        return m.stages.map((s) => ({ startLine: s.startLine, endLine: s.endLine }));
      },
      parseDirective: hadolintPragmasAllowed(config) ? parseHadolintPragma : undefined,
      skipsRule: checkSkip.length ? (meta) => skippedByCheckDirective(checkSkip, meta) : undefined,
    };
  },
};
