import type { Language, LintEnv } from '../language';
import type { Range } from '../finding';
import type { DockerfileModel } from './model';
import { parseDockerfile } from './parse';
import { findRule } from '../registry';
import { rules } from './rules/index';
import { loadShellParser, shellParserReady } from '../shell/parser';
import { dockerfileHover } from './hover';
import { clearShellCache, SHELL_PARSE_BUDGET_MS } from '../shell/script';
import { NotLinted } from '../general';
import { dockerfileConfigSection, hadolintConfigFile, hadolintPragmasAllowed } from './config';
import { checkSkipNames, parseHadolintPragma, parserDirectiveLines, skippedByCheckDirective } from './pragmas';
import { SHELLCHECK_EXCLUDED, shellcheckFindings, shellcheckJobs } from './shell/shellcheck';
import { dockerfileShell, MAX_SCRIPT_LENGTH } from './shell/analysis';

/** The model the engine parsed last, with its text. */
let last: { text: string; model: DockerfileModel } | undefined;

/**
 * The model of `text`: the one the engine's last lint parsed when that lint was of this very text (ShellCheck, hover
 * and code actions run right after a lint of the same document), else a new parse. Models are never changed after
 * parsing (what rules compute on them is cached on them), so sharing one is safe.
 */
export function dockerfileModelOf(text: string, env?: LintEnv): DockerfileModel {
  if (last && last.text === text) return last.model;
  const model = parseDockerfile(text, env?.fileName);
  refuseDeepStageChains(model);
  return model;
}

/**
 * Stages built on stages (`FROM s1 AS s2`) form chains that many rules walk for each stage, so the cost grows with
 * the square of a chain's length: 10,000 chained stages took 20 s of CPU. Real Dockerfiles chain a handful.
 */
export const MAX_STAGE_CHAIN = 200;
/**
 * Several rules compare each RUN with the RUNs before or after it (apt lists removed later, an earlier APT
 * setting), so their cost grows with the square of the number of instructions: 2,200 RUNs took over a second.
 * The largest real Dockerfile in the corpus has 336 instructions.
 */
export const MAX_INSTRUCTIONS = 1500;

function refuseDeepStageChains(m: DockerfileModel): void {
  if (m.instructions.length > MAX_INSTRUCTIONS) throw new NotLinted(`the file has ${m.instructions.length} instructions, more than the ${MAX_INSTRUCTIONS} a Dockerfile is linted with`);
  const depth = new Map<unknown, number>();
  for (const s of m.stages) {
    // a parent always comes earlier in the file (a self-reference has no depth yet)
    const d = (s.parent && s.parent !== s ? (depth.get(s.parent) ?? 0) : 0) + 1;
    depth.set(s, d);
    if (d > MAX_STAGE_CHAIN) throw new NotLinted(`more than ${MAX_STAGE_CHAIN} stages are built one on another (line ${s.instructions[0] ? s.instructions[0].getRange().start.line + 1 : '?'})`);
  }
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
  title: 'Dockerfiles',
  sharedIgnore: (code, scope, config) => {
    // hadolint knows DL codes, ShellCheck's SC codes (it runs ShellCheck) and our rules with a DL alias
    if (config.dockerfile.disableIgnorePragma) return undefined;
    const hl = /^(DL|SC)\d{4}$/.test(code) ? code : findRule(code)?.aliases?.find((a) => /^DL\d{4}$/.test(a));
    return hl ? (scope === 'file' ? `# hadolint global ignore=${hl}` : `# hadolint ignore=${hl}`) : undefined;
  },
  ignoreNote: (code) => ` (hadolint's \`# hadolint ignore=${code}\` works too)`,
  pageNote: (doc) => {
    // a DL code promises hadolint's meaning: say whether this rule keeps it, and where and why it does not
    if (!doc.hadolint) return [];
    if (doc.hadolint === 'same') return [`Same meaning as hadolint's ${doc.code}.`, ''];
    const flat = (s: string): string => s.trim().replace(/\s*\n\s*/g, ' ');
    return ['## Differs from hadolint', '', ...doc.hadolint.differs.map((d) => `- ${flat(d.what)} ${flat(d.why)} ([${d.source.title}](${d.source.url}))`), ''];
  },
  shellcheck: {
    exclude: SHELLCHECK_EXCLUDED,
    enabled: (config) => config.enable.dockerfile && config.dockerfile.shellcheck,
    model: dockerfileModelOf,
    jobs: shellcheckJobs,
    findings: shellcheckFindings,
  },
  ready: loadShellParser,
  isReady: shellParserReady,
  parse(text, env) {
    const model = parseDockerfile(text, env.fileName);
    refuseDeepStageChains(model);
    last = { text, model };
    return model;
  },
  rules,
  template: (m) => m.template,
  lines: (m) => m.lines,
  partsNotLinted(m) {
    // a RUN script longer than any real one is not parsed (analysis.ts): say so rather than stay silent
    const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;
    const out: { message: string; range: Range }[] = [];
    for (const run of dockerfileShell(m).runs) {
      const what = run.tooLong
        ? `This RUN's script is ${kib(run.tooLong)}`
        : run.heredocs.filter((h) => h.tooLong).map((h) => `The heredoc script ${h.name} of this RUN is ${kib(h.tooLong!)}`)[0];
      if (!what) {
        const gaveUp = run.scripts.find((sc) => sc.gaveUp);
        if (gaveUp)
          out.push({
            message: `The shell parser was stopped on ${gaveUp.kind === 'heredoc' ? 'a heredoc script of this RUN' : "this RUN's script"} after ${SHELL_PARSE_BUDGET_MS} ms (real scripts take under a millisecond; this text makes it try too many ways to recover from syntax errors): the shell checks (package pinning, pipefail, cd) were not run on it. The rest of the file was linted.`,
            range: run.instruction.getInstructionRange(),
          });
        continue;
      }
      out.push({
        message: `${what}, above the ${kib(MAX_SCRIPT_LENGTH)} limit for shell analysis: the shell checks (package pinning, pipefail, cd, ShellCheck) were not run on it. The rest of the file was linted.`,
        range: run.instruction.getInstructionRange(),
      });
    }
    return out;
  },
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
