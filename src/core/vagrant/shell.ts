/**
 * Provisioning shell, read by the kind-neutral shell engine (src/core/shell): the inline scripts of shell
 * provisioners (`inline:` strings and heredocs, `s.inline = ...`, `$script` globals), parsed with tree-sitter-bash.
 * Interpolations (`#{...}`) arrive masked as a parameter expansion of the same length, so they read as a word we
 * cannot know, never as a syntax error. Windows machines (winrm communicator, windows guest) run PowerShell and are
 * skipped, as are scripts whose shebang names another interpreter. Parsed once per model.
 */
import { shellParserReady } from '../shell/parser';
import { allCommands, parseScript, type Command, type ShellScript } from '../shell/script';
import { ShellSource } from '../shell/source';
import type { Range } from '../finding';
import type { LintEnv } from '../language';
import { LineIndex } from '../text';
import type { InlineScript, Provision, VagrantModel } from './model';
import { apiVersion, provisionOption, settingsVisibleFrom, str } from './helpers';

export interface ProvisionShell {
  provision: Provision;
  /** The inline script; undefined for a `path:` script. */
  inline?: InlineScript;
  /** For a `path:` script: the file, and where the Vagrantfile names it (findings are reported there). */
  external?: { file: string; path: string; at: Range };
  script: ShellScript;
  source: ShellSource;
  commands: Command[];
}

/** Largest `path:` script read (a provisioning script, not a data file). */
const MAX_SCRIPT = 256 * 1024;

/**
 * `path:` scripts of shell provisioners, read through the host: only relative paths that stay inside the
 * Vagrantfile's folder (Vagrant resolves them from there), never an absolute path, `~`, or a URL. Without a file
 * name or a reader (stdin, a test), nothing is read.
 */
export function readPathScripts(m: VagrantModel, env: LintEnv): VagrantModel {
  if (!env.readFile || !env.fileName) return m;
  const dir = env.fileName.replace(/[\\/][^\\/]*$/, '');
  if (dir === env.fileName) return m;
  for (const p of m.provisions) {
    if (p.type !== 'shell' || p.pathScript) continue;
    const opt = provisionOption(p, 'path');
    const path = opt?.value.kind === 'string' ? opt.value.value.trim() : undefined;
    if (!path || /^(?:[a-z][a-z0-9+.-]*:|[\\/~]|[A-Za-z]:)/i.test(path)) continue;
    const parts: string[] = [];
    let escapes = false;
    for (const seg of path.split(/[\\/]+/)) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (!parts.length) escapes = true;
        parts.pop();
      } else parts.push(seg);
    }
    if (escapes || !parts.length) continue;
    const sep = env.fileName.includes('\\') && !env.fileName.includes('/') ? '\\' : '/';
    const file = `${dir}${sep}${parts.join(sep)}`;
    let text: string | undefined;
    try {
      text = env.readFile(file);
    } catch {
      text = undefined;
    }
    if (text === undefined || text.length > MAX_SCRIPT || text.includes('\0')) continue;
    p.pathScript = { path, file, text, range: opt!.value.range };
  }
  return m;
}

/** Reports a finding of a provisioning script: in place for inline scripts, on the `path:` value for script files. */
export function reportShell(s: ProvisionShell, range: Range, message: string, report: (r: { range: Range; message: string; related?: { message: string; range: Range; file?: string }[] }) => void): void {
  if (!s.external) return report({ range, message });
  report({
    range: s.external.at,
    message: `${s.external.path}, line ${range.start.line + 1}: ${message}`,
    related: [{ message: 'in the script', range, file: s.external.file }],
  });
}

const cache = new WeakMap<VagrantModel, ProvisionShell[]>();

/** The provisioner's machine talks WinRM or is a Windows guest (in the scope, its parents, or a machine below it). */
function windows(m: VagrantModel, p: Provision): boolean {
  return (
    settingsVisibleFrom(m, p.scope, 'vm', 'communicator').some((c) => c.assignment && str(c.value) === 'winrm') ||
    settingsVisibleFrom(m, p.scope, 'vm', 'guest').some((c) => c.assignment && str(c.value) === 'windows')
  );
}

/** Every inline shell script of the file's shell provisioners, parsed (empty until the shell parser is loaded). */
export function provisionShells(m: VagrantModel): ProvisionShell[] {
  const hit = cache.get(m);
  if (hit) return hit;
  const out: ProvisionShell[] = [];
  if (shellParserReady()) {
    const seen = new Set<string>();
    const seenFiles = new Set<string>();
    for (const p of m.provisions) {
      if (p.type !== 'shell' || apiVersion(p.scope) === 1 || !p.inline || windows(m, p)) continue;
      for (const inline of p.inline) {
        const key = `${inline.range.start.line}:${inline.range.start.character}`;
        if (seen.has(key)) continue; // one script given to several machines (a $script global, a helper method)
        seen.add(key);
        const source = ShellSource.fromPieces(m.lines, inline.pieces);
        const first = source.text.replace(/^\s+/, '');
        if (/^#!/.test(first) && !/^#!\s*\S*\b(?:sh|bash|dash|ash|ksh|zsh)\b/.test(first.split('\n')[0])) continue;
        const script = parseScript(source);
        out.push({ provision: p, inline, script, source, commands: allCommands(script) });
      }
    }
    for (const p of m.provisions) {
      const ps = p.pathScript;
      if (!ps || apiVersion(p.scope) === 1 || windows(m, p) || seenFiles.has(ps.file)) continue;
      seenFiles.add(ps.file);
      if (/\.(?:ps1|bat|cmd|py|rb|pl)$/i.test(ps.path)) continue;
      const firstLine = ps.text.split('\n', 1)[0];
      if (/^#!/.test(firstLine) && !/^#!\s*\S*\b(?:sh|bash|dash|ash|ksh|zsh)\b/.test(firstLine)) continue;
      const lines = new LineIndex(ps.text);
      const source = ShellSource.fromPieces(lines, [{ text: ps.text, offset: 0 }]);
      const script = parseScript(source);
      out.push({ provision: p, external: { file: ps.file, path: ps.path, at: ps.range }, script, source, commands: allCommands(script) });
    }
  }
  cache.set(m, out);
  return out;
}
