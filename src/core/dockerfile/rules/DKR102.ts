import { defineRule } from '../../rule';
import type { Range, RelatedInformation } from '../../finding';
import type { DockerfileModel } from '../model';
import type { ShellUse } from '../shell/analysis';
import { commands, commandsNamed } from '../shell/lint';
import { POSIX_SHELLS, shellCommandArg, type Command } from '../../shell/script';
import { download, isUrlWord, readsScriptFromStdin, scriptOperand, verifies, type Download } from '../../shell/tools';

function urlOf(d: Download): string {
  const u = d.urls.find(isUrlWord) ?? d.urls[0];
  return u ? u.text : 'a URL';
}

function basename(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() ?? p;
}

function check(use: ShellUse, report: (r: { range: Range; message: string; related?: RelatedInformation[] }) => void): void {
  const cmds = commands(use);
  const downloads = new Map<Command, Download>();
  for (const c of cmds) {
    const d = download(c);
    if (d) downloads.set(c, d);
  }
  if (!downloads.size) return;
  const verified = cmds.some(verifies);
  const complete = use.analysable && use.scripts.every((s) => !s.hasError);
  for (const c of cmds) {
    // 1. curl ... | sh
    if (c.pipeline && c.pipeIndex > 0 && readsScriptFromStdin(c)) {
      const src = c.pipeline.elements.slice(0, c.pipeIndex).map((e) => e.command).find((x) => x && downloads.get(x)?.stdout);
      if (src) {
        // on the interpreter, not on the pipe: the pipe itself is DL4006's (pipefail) token
        report({
          range: c.name ? { start: c.name.range.start, end: c.range.end } : c.range,
          message: `The script downloaded from ${urlOf(downloads.get(src)!)} runs straight from the network with no checksum or signature check; download it to a file, verify it, then run it.`,
          related: [{ message: 'the download it runs', range: src.range }],
        });
        continue;
      }
    }
    // 2. sh -c "$(curl ...)", eval "$(curl ...)", bash <(curl ...)
    if (c.program && (POSIX_SHELLS.has(c.program) || c.program === 'eval' || c.program === 'source' || c.program === '.')) {
      const scriptWord = POSIX_SHELLS.has(c.program) ? (shellCommandArg(c.args)?.script ?? c.args.find((a) => !a.literal)) : c.args[0];
      if (scriptWord && !scriptWord.literal) {
        const inner = cmds.find((x) => x.inSubstitution && x.source === c.source && x.start >= scriptWord.start && x.end <= scriptWord.end && downloads.get(x)?.stdout);
        if (inner) {
          report({
            range: c.range,
            message: `The script downloaded from ${urlOf(downloads.get(inner)!)} runs straight from the network with no checksum or signature check; download it to a file, verify it, then run it.`,
          });
          continue;
        }
      }
    }
    // 3. curl -o f URL && sh f, with no verification in the same RUN (which must be fully readable)
    if (verified || !complete) continue;
    const op = scriptOperand(c);
    const target = op?.literal ? op.text : c.name?.literal && /^(\.\/|\/)/.test(c.name.text) ? c.name.text : undefined;
    if (!target) continue;
    for (const [dc, d] of downloads) {
      if (dc.source !== c.source || dc.start >= c.start) continue;
      const out = d.output?.text ?? (d.remoteName ? basename(d.urls.find(isUrlWord)?.text ?? '') : undefined);
      if (!out || !out.length) continue;
      if (basename(out) === basename(target) && (out === target || !out.includes('/') || !target.includes('/') || out.endsWith(target.replace(/^\.\//, '')))) {
        report({
          range: c.range,
          message: `${target} was downloaded from ${urlOf(d)} on ${dc.range.start.line === c.range.start.line ? 'this line' : `line ${dc.range.start.line + 1}`} and runs without a checksum or signature check; verify it first (sha256sum -c, gpg --verify).`,
        });
        break;
      }
    }
  }
}

/**
 * A script fetched from the network and run without verification: `curl … | sh`, `sh -c "$(curl …)"`,
 * `bash <(wget -O- …)`, or a downloaded file run in the same RUN with no checksum or signature check.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR102', name: 'remote-script-unverified', kind: 'dockerfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const run of new Set(commandsNamed(m, 'curl', 'wget').map((e) => e.run))) check(run, (r) => ctx.report(r));
  },
});
