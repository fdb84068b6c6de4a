import type { Instruction } from '../syntax';
import { defineRule } from '../../rule';
import type { TextEdit } from '../../finding';
import type { DockerfileModel } from '../model';
import { dockerfileShell, type RunInfo } from '../shell/analysis';
import type { Command } from '../../shell/script';

/** Top-level commands of a RUN (not counting those inside `$( )`), or undefined when unknown. */
function commandCount(r: RunInfo): number | undefined {
  if (!r.analysable) return undefined;
  return r.commands.filter((c) => !c.inSubstitution && !!c.name).length;
}

function flagKey(r: RunInfo): string {
  return r.flags.map((f) => f.toString().replace(/\s+/g, '')).sort().join(' ');
}

/**
 * Two consecutive RUNs that could be one layer. Not flagged: RUNs separated by a comment (the split is deliberate
 * and documented), RUNs with different flags (`--mount`, `--network`), heredoc RUNs, and RUNs with more than two
 * commands, which are deliberate steps of their own.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3059', name: 'consecutive-run-instructions', kind: 'dockerfile', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const shell = dockerfileShell(m);
    // a comment explains a deliberate split; a tool directive (`# hadolint ignore=...`) does not
    const commentLines = new Set(m.comments.filter((c) => !/^(hadolint|devops-guidance|checkov|trivy|shellcheck)\b/i.test(c.text.trim())).map((c) => c.line));
    // the merge replaces the text between the two RUNs: never when a directive comment sits there (it would be lost)
    const anyCommentLines = new Set(m.comments.map((c) => c.line));
    for (const stage of m.stages) {
      let prev: RunInfo | undefined;
      let prevIns: Instruction | undefined;
      for (const ins of stage.instructions) {
        const run = ins.getKeyword() === 'RUN' ? shell.runOf(ins) : undefined;
        if (!run || run.onbuild) {
          prev = undefined;
          continue;
        }
        if (prev && prevIns) {
          let commented = false;
          for (let l = prevIns.getRange().end.line + 1; l < ins.getRange().start.line && !commented; l++) commented = commentLines.has(l);
          const a = commandCount(prev);
          const b = commandCount(run);
          const exempt =
            commented || flagKey(prev) !== flagKey(run) || prev.heredocs.length > 0 || run.heredocs.length > 0 || a === undefined || b === undefined || a > 2 || b > 2;
          if (!exempt) {
            let directive = false;
            for (let l = prevIns.getRange().end.line + 1; l < ins.getRange().start.line && !directive; l++) directive = anyCommentLines.has(l);
            const edits = directive ? undefined : mergeFix(m, prev, run);
            ctx.report({
              range: ins.getInstructionRange(),
              message: `This RUN follows the RUN on line ${prevIns.getRange().start.line + 1} directly; chaining them with && saves a layer.`,
              fixes: edits ? [{ title: 'Merge into the previous RUN', safe: false, edits }] : undefined,
            });
          }
        }
        prev = run;
        prevIns = ins;
      }
    }
  },
});

function topLevel(r: RunInfo): Command[] {
  return (r.line?.commands ?? []).filter((c) => !c.inSubstitution && !c.inSubshell && !c.inFunction);
}

/** Joins `RUN a` and `RUN b` into `RUN a && b` when that keeps the meaning of both. */
function mergeFix(m: DockerfileModel, prev: RunInfo, run: RunInfo): TextEdit[] | undefined {
  if (prev.form !== 'shell' || run.form !== 'shell' || !prev.line || !run.line || prev.line.hasError || run.line.hasError) return undefined;
  const pText = prev.line.source.text.trimEnd();
  if (/(&|;|\||\\)$/.test(pText)) return undefined;
  // state a later command would see differently once merged
  if (topLevel(prev).some((c) => ['cd', 'export', 'set', 'source', '.', 'umask', 'shopt', 'alias', 'unset', 'pushd', 'popd', 'exec'].includes(c.program ?? ''))) return undefined;
  const cmds = topLevel(run);
  for (let i = 1; i < cmds.length; i++) {
    const between = run.line.source.text.slice(cmds[i - 1].end, cmds[i].start).trim();
    if (between !== '&&' && between !== '|') return undefined;
  }
  const args = run.instruction.getArguments();
  if (!args.length) return undefined;
  const esc = m.escapeChar;
  return [{ range: { start: prev.instruction.getRange().end, end: args[0].getRange().start }, newText: ` ${esc}\n    && ` }];
}
