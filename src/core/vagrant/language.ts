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
import { VAGRANT_SHELLCHECK_EXCLUDED, vagrantShellcheckFindings, vagrantShellcheckJobs } from './shellcheck';

export const vagrantLanguage: Language<VagrantModel> = {
  kind: 'vagrantfile',
  editorLanguage: 'ruby',
  // a Ruby document is a Vagrantfile only when it is named like one
  ownsEditorLanguage: false,
  /** Vagrantfile (any case of the first letter), *.Vagrantfile, and the templates Vagrantfile.erb, *.Vagrantfile.erb. */
  matchesFileName: (name) => /^vagrantfile(?:\.erb)?$/i.test(name) || /\.vagrantfile(?:\.erb)?$/i.test(name),
  // the biggest real Vagrantfile we know is 44 KiB; Prism's JavaScript deserializer reads about 0.3 MB/s
  maxTextLength: 256 * 1024,
  fence: 'ruby',
  title: 'Vagrantfiles',
  // `# -*- mode: ruby -*-`, `# vi: set ft=ruby :`, a shebang or a Ruby magic comment stay on the first lines
  headerLines: (lines) => {
    let at = 0;
    while (at < lines.length && /^\s*#(?:!|.*-\*-.*-\*-|\s*(?:vi|vim|ex):|\s*(?:frozen_string_literal|encoding|coding|warn_indent|shareable_constant_value)\s*:)/.test(lines[at])) at++;
    return at;
  },
  // Prism for the Ruby; tree-sitter-bash for the provisioning shell (rules that need it wait for it)
  ready: () => Promise.all([loadPrism(), loadShellParser()]).then(() => undefined),
  isReady: prismReady,
  parse: (text, env) => readPathScripts(parseVagrantfile(text), env),
  rules,
  // ShellCheck on provisioning scripts (inline and project path: scripts), under the same switch as RUN scripts
  shellcheck: {
    exclude: VAGRANT_SHELLCHECK_EXCLUDED,
    enabled: (config) => config.enable.vagrantfile && config.dockerfile.shellcheck,
    model: (text, env) => readPathScripts(parseVagrantfile(text), env),
    jobs: vagrantShellcheckJobs,
    findings: vagrantShellcheckFindings,
  },
  suppression: (m) => ({ comments: m.comments, units: m.units }),
  hover: (m, position) => vagrantHover(m, position),
  complete: (m, position) => vagrantCompletions(m, position),
  symbols: (m) => vagrantSymbols(m),
};
