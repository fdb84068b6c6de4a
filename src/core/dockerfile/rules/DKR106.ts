import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { insertAt, runs } from '../shell/lint';

/**
 * A heredoc RUN script of several commands without `set -e`: unlike `a && b`, a newline does not stop at a failing
 * command, so the build goes on (and the layer is cached) after a step failed. Only the last command's status counts.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR106', name: 'heredoc-script-errexit-missing', kind: 'dockerfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const run of runs(m)) {
      for (const hd of run.heredocs) {
        const s = hd.script;
        if (!s || !hd.body || (hd.kind !== 'script' && hd.kind !== 'stdin-script')) continue;
        if (s.hasError || s.nested.some((n) => n.hasError) || hd.errexit) continue;
        const top = s.commands.filter((c) => !c.inSubshell && !c.inSubstitution && !c.inFunction && !c.inCondition && !!c.name);
        // a command whose failure is ignored: followed by another statement on a new line or after `;`
        let unchained = 0;
        for (let i = 1; i < top.length; i++) {
          const between = s.source.text.slice(top[i - 1].end, top[i].start).replace(/#[^\n]*/g, '');
          if (/^[\s;]*$/.test(between) && /[\n;]/.test(between)) unchained++;
        }
        if (!unchained) continue;
        if (s.commands.some((c) => c.program === 'set' && c.args.some((a) => /^-[a-zA-Z]*e/.test(a.text) || a.text === 'errexit'))) continue;
        const first = hd.body.text.split(/\r?\n/, 1)[0];
        if (/^#!.*\s-[a-zA-Z]*e/.test(first)) continue;
        const shebang = first.startsWith('#!');
        const bodyStart = hd.body.lines.positionAt(hd.body.physical(0));
        const at = shebang ? { line: bodyStart.line + 1, character: 0 } : bodyStart;
        const indent = /^[ \t]*/.exec(shebang ? (hd.body.text.split(/\r?\n/)[1] ?? '') : first)![0];
        ctx.report({
          range: hd.markerRange,
          message: `This heredoc script runs its commands without \`set -e\`: a failing command does not stop the build. Start it with \`set -e\` (or \`set -eux\`).`,
          fixes: [{ title: 'Insert `set -e`', safe: false, edits: [insertAt(at, `${indent}set -e\n`)] }],
        });
      }
    }
  },
});
