import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import { POSIX_SHELLS, shellCommandArg, type Command } from '../../shell/script';
import { download, isUrlWord, readsScriptFromStdin, scriptOperand, verifies, type Download } from '../../shell/tools';
import type { VagrantModel } from '../model';
import { provisionShells, reportShell, type ProvisionShell } from '../shell';

function urlOf(d: Download): string {
  const u = d.urls.find(isUrlWord) ?? d.urls[0];
  return u ? (u.literal ? u.text : `${u.text.replace(/\$\{_+\}|\$__?/g, '…')}`) : 'a URL';
}

function basename(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() ?? p;
}

/** curl -k / --insecure, wget --no-check-certificate, git -c http.sslVerify=false: TLS verification switched off. */
function tlsOff(c: Command): Range | undefined {
  const w = c.args.find((a) =>
    c.program === 'curl' ? a.text === '-k' || a.text === '--insecure' || (/^-[a-zA-Z]+$/.test(a.text) && a.text.includes('k') && !a.text.startsWith('--'))
    : c.program === 'wget' ? a.text === '--no-check-certificate'
    : c.program === 'git' ? /^http\.sslverify=(?:false|0|no|off)$/i.test(a.text)
    : false,
  );
  return w?.range;
}

function check(s: ProvisionShell, report: (range: Range, message: string) => void): void {
  const cmds = s.commands;
  const downloads = new Map<Command, Download>();
  for (const c of cmds) {
    const d = download(c);
    if (d) downloads.set(c, d);
    const tls = tlsOff(c);
    if (tls && !c.uncertain) {
      report(tls, `${c.program === 'git' ? 'git' : c.program} is told not to check the server's TLS certificate: anyone on the path between the machine and the server can hand it whatever they like, and this script runs as root by default. Fix the certificate trust (install the CA, use the right host name) instead.`);
    }
  }
  if (!downloads.size) return;
  const verified = cmds.some(verifies);
  for (const c of cmds) {
    if (c.uncertain) continue;
    // curl ... | sh
    if (c.pipeline && c.pipeIndex > 0 && readsScriptFromStdin(c)) {
      const src = c.pipeline.elements.slice(0, c.pipeIndex).map((e) => e.command).find((x) => x && downloads.get(x)?.stdout);
      if (src) {
        report(s.source.range(Math.min(src.start, c.start), Math.max(src.end, c.end)), `The script downloaded from ${urlOf(downloads.get(src)!)} is piped straight into ${c.program} with no checksum or signature check, and runs as root by default: whoever controls that URL controls the machine. Download it to a file, verify it (sha256sum -c), then run it.`);
        continue;
      }
    }
    // sh -c "$(curl ...)", bash <(curl ...)
    if (c.program && (POSIX_SHELLS.has(c.program) || c.program === 'eval' || c.program === 'source' || c.program === '.')) {
      const scriptWord = POSIX_SHELLS.has(c.program) ? (shellCommandArg(c.args)?.script ?? c.args.find((a) => !a.literal)) : c.args[0];
      if (scriptWord && !scriptWord.literal) {
        const inner = cmds.find((x) => x.inSubstitution && x.source === c.source && x.start >= scriptWord.start && x.end <= scriptWord.end && downloads.get(x)?.stdout);
        if (inner) {
          report(c.range, `The script downloaded from ${urlOf(downloads.get(inner)!)} runs straight from the network with no checksum or signature check, as root by default. Download it to a file, verify it, then run it.`);
          continue;
        }
      }
    }
    // curl -o f URL && sh f, with nothing in the script verifying anything
    if (verified || s.script.hasError) continue;
    const op = scriptOperand(c);
    const target = op?.literal ? op.text : c.name?.literal && /^(\.\/|\/)/.test(c.name.text) ? c.name.text : undefined;
    if (!target) continue;
    for (const [dc, d] of downloads) {
      if (dc.start >= c.start) continue;
      const out = d.output?.text ?? (d.remoteName ? basename(d.urls.find(isUrlWord)?.text ?? '') : undefined);
      if (!out) continue;
      if (basename(out) === basename(target) && (out === target || !out.includes('/') || !target.includes('/') || out.endsWith(target.replace(/^\.\//, '')))) {
        report(c.range, `${target} was downloaded from ${urlOf(d)} and runs without a checksum or signature check (as root by default); verify it first (sha256sum -c, gpg --verify).`);
        break;
      }
    }
  }
}

/**
 * Provisioning shell that trusts the network blindly: a download piped into a shell, a downloaded script run
 * without a checksum or signature check, or TLS certificate checks switched off (curl -k, wget
 * --no-check-certificate, git http.sslVerify=false). Read from inline scripts by the shell engine.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT035', name: 'provision-shell-download-unverified', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const s of provisionShells(m)) check(s, (range, message) => reportShell(s, range, message, (r) => ctx.report(r)));
  },
});
