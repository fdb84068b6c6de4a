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
import type { InlineScript, Provision, VagrantModel } from './model';
import { apiVersion, settingsVisibleFrom, str } from './helpers';

export interface ProvisionShell {
  provision: Provision;
  inline: InlineScript;
  script: ShellScript;
  source: ShellSource;
  commands: Command[];
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
  }
  cache.set(m, out);
  return out;
}
