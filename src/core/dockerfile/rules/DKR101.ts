import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { DockerfileModel } from '../model';
import { callOf, calls, commands, commandsNamed, type Indexed } from '../shell/lint';
import type { PmCall } from '../../shell/packages';
import type { Command, Word } from '../../shell/script';
import { verifies } from '../../shell/tools';

const TRUE = /^(1|true|yes|on)$/i;

interface Hit {
  range: Range;
  message: string;
}

/** Every package operand is a local file (built in an earlier stage or downloaded and checked in this RUN). */
function localFilesOnly(call: PmCall | undefined, args: readonly Word[]): boolean {
  const ops = call ? call.operands : args.filter((a) => !a.text.startsWith('-'));
  const files = ops.filter((w) => /\.(apk|rpm|deb)$/.test(w.text) || /^(\.|\/|~)/.test(w.text) || w.text.includes('/'));
  return files.length > 0 && ops.every((w) => files.includes(w));
}

function checkCommand(c: Command, trustLocal: boolean): Hit[] {
  const hits: Hit[] = [];
  const call = callOf(c);
  const p = c.program;
  if (call && (call.manager === 'apt-get' || call.manager === 'apt')) {
    for (const o of call.options) {
      if (o.name === '--allow-unauthenticated' || o.name === '--allow-insecure-repositories') {
        hits.push({ range: o.word.range, message: `${call.manager} ${o.name} installs packages whose signatures could not be checked.` });
      } else if (o.name === '--force-yes') {
        hits.push({ range: o.word.range, message: `${call.manager} --force-yes also accepts unauthenticated packages (and downgrades); use -y and fix the repository key instead.` });
      } else if ((o.name === '-o' || o.name === '--option') && /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)=(.*)$/i.test(o.value ?? '')) {
        const v = (o.value ?? '').split('=')[1];
        if (TRUE.test(v)) hits.push({ range: (o.valueWord ?? o.word).range, message: `${o.value} lets apt install packages whose signatures could not be checked.` });
      }
    }
  }
  if (call && (call.manager === 'yum' || call.manager === 'dnf' || call.manager === 'microdnf')) {
    for (const o of call.options) {
      if (o.name === '--nogpgcheck' || o.name === '--no-gpgchecks') hits.push({ range: o.word.range, message: `${c.program} ${o.name} installs packages without checking their signatures.` });
      else if (o.name === '--setopt' && /^([\w.*-]+\.)?(repo_)?gpgcheck=(0|false|no)$/i.test(o.value ?? '')) {
        hits.push({ range: o.word.range, message: `--setopt=${o.value} makes ${c.program} install packages without checking their signatures.` });
      }
    }
  }
  if (call?.manager === 'apk' && !(trustLocal && call.operands.some((w) => /\.apk$/.test(w.text)))) {
    for (const o of call.options) if (o.name === '--allow-untrusted') hits.push({ range: o.word.range, message: 'apk --allow-untrusted installs packages whose signatures could not be checked.' });
  }
  if (call?.manager === 'zypper') {
    for (const o of call.options) {
      if (o.name === '--no-gpg-checks' || o.name === '--no-gpgcheck' || (o.name === '-G' && (call.action === 'addrepo' || call.action === 'ar'))) {
        hits.push({ range: o.word.range, message: `zypper ${o.name} ${o.name === '-G' || o.name === '--no-gpgcheck' ? 'adds a repository whose packages are not signature-checked' : 'installs packages without checking their signatures'}.` });
      }
    }
  }
  if (p === 'rpm' && !(trustLocal && localFilesOnly(undefined, c.args))) {
    for (const a of c.args) {
      if (['--nosignature', '--nodigest', '--nofiledigest', '--noverify'].includes(a.text)) hits.push({ range: a.range, message: `rpm ${a.text} skips the integrity or signature check of the package.` });
    }
  }
  if (p === 'dpkg') {
    for (const a of c.args) if (/^--force-(bad-verify|all)$/.test(a.text)) hits.push({ range: a.range, message: `dpkg ${a.text} accepts packages that fail signature verification.` });
  }
  if (p === 'yum-config-manager' || (p === 'dnf' && call?.action === 'config-manager')) {
    for (const a of c.args) if (/^(--setopt=)?([\w.*-]+\.)?(repo_)?gpgcheck=(0|false|no)$/i.test(a.text)) hits.push({ range: a.range, message: `${a.text} turns off the signature check of a repository.` });
  }
  if ((p === 'echo' || p === 'printf' || p === 'tee') && c.args.length) {
    for (const a of c.args) {
      if (/^\s*deb(-src)?\s+\[[^\]]*\b(trusted|allow-insecure|allow-weak)=yes[^\]]*\]\s*(?!\s|(file|copy):)/.test(a.text)) hits.push({ range: a.range, message: 'An apt source marked trusted=yes is used without checking its signature.' });
      else if (/(^|\s)(repo_)?gpgcheck\s*=\s*(0|false|no)\b/i.test(a.text)) hits.push({ range: a.range, message: 'A repository with gpgcheck=0 installs packages without checking their signatures.' });
    }
  }
  return hits;
}

/**
 * Package signature verification turned off: apt --allow-unauthenticated / --force-yes / AllowInsecureRepositories,
 * yum/dnf --nogpgcheck or gpgcheck=0, rpm --nosignature, apk --allow-untrusted, zypper --no-gpg-checks, apt
 * sources marked trusted=yes.
 */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DKR101',
    name: 'package-signature-check-disabled',
    kind: 'dockerfile',
    severity: 'warning',
    fix: 'none',
    aliases: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
  },
  check(m, ctx) {
    const seen = new Set<unknown>();
    const candidates: Indexed[] = [
      ...calls(m, ['apt-get', 'apt', 'yum', 'dnf', 'microdnf', 'apk', 'zypper']).map(({ run, call }) => ({ run, cmd: call.command })),
      ...commandsNamed(m, 'rpm', 'dpkg', 'yum-config-manager', 'echo', 'printf', 'tee'),
    ].filter((e) => !seen.has(e.cmd) && (seen.add(e.cmd), true));
    const trust = new Map<unknown, boolean>();
    for (const { run, cmd } of candidates) {
      // local package files are trusted when this RUN checks a signature, or downloads nothing (they come from a build stage)
      let t = trust.get(run);
      if (t === undefined) {
        const cmds = commands(run);
        t = cmds.some(verifies) || !cmds.some((c) => c.program === 'curl' || c.program === 'wget');
        trust.set(run, t);
      }
      for (const h of checkCommand(cmd, t)) ctx.report(h);
    }
  },
});
