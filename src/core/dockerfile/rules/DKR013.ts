import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { wordValue } from '../analysis';
import { copySpec, withTriggers, type Word } from '../instructions';
import { UNKNOWN } from '../variables';

/** Why a file name looks like a secret (private key, credentials, dotenv), or undefined. */
export function secretFileKind(path: string): string | undefined {
  const clean = path.replace(/^["']|["']$/g, '').replace(/[\\/]+$/, '');
  const base = clean.split(/[\\/]/).pop() ?? '';
  const b = base.toLowerCase();
  if (!b || b.includes(UNKNOWN)) return undefined;
  if (/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/.test(b)) return 'an SSH private key';
  if (/\.pem$/.test(b) && /(key|priv)/.test(b) && !/pub/.test(b)) return 'a PEM private key';
  if (/\.key$/.test(b) && !/(pub|gpg|pgp|asc|apt|repo|release|signing|keyring|archive|trusted)/.test(b)) return 'a private key';
  if (/\.(p12|pfx)$/.test(b)) return 'a PKCS#12 key store';
  if (/\.(jks|keystore)$/.test(b)) return 'a Java key store';
  if (b === '.env' || /^\.env\.(?!example$|sample$|template$|dist$|defaults?$|tpl$)/.test(b) || /\.env$/.test(b) && b !== '.env' && /^(prod|production|secrets?|local)\.env$/.test(b)) return 'a dotenv file of secrets';
  if (['.netrc', '_netrc', '.git-credentials', '.pypirc', 'credentials', '.htpasswd', '.pgpass', '.my.cnf'].includes(b)) return 'a credentials file';
  if (/^(gcp|gcloud|google)?[-_]?(service[-_]?account|sa)[-_\w]*\.json$/.test(b) || b === 'application_default_credentials.json') return 'a cloud service-account key';
  if (['.ssh', '.aws', '.gnupg', '.kube', '.docker'].includes(b)) return `the ${b} credentials folder`;
  return undefined;
}

/**
 * COPY or ADD of a private key, credentials or a dotenv file: once in a layer it stays in the image, even if a later
 * step deletes it, for anyone who can pull the image. Mount secrets at build time instead (RUN --mount=type=secret).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR013', name: 'secret-file-copied', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['DS-0031'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      const kw = ins.getKeyword();
      if (kw !== 'COPY' && kw !== 'ADD') continue;
      const spec = copySpec(m, ins);
      const value = (w: Word): string => wordValue(m, ins, w, spec.json);
      let reported = false;
      for (const s of spec.sources) {
        const v = value(s);
        if (/^[a-z]+:\/\//i.test(v)) continue;
        const kind = secretFileKind(v);
        if (!kind) continue;
        reported = true;
        ctx.report({
          range: m.lines.rangeOf(s.start, s.end),
          message: `${kw} puts ${kind} ("${s.text}") into the image, where anyone who can pull it can read it, even after a later rm. Mount it at build time (RUN --mount=type=secret) or provide it at run time.`,
        });
      }
      const d = spec.dest;
      if (reported || !d || !spec.sources.length) continue;
      const dv = value(d);
      // the destination names a private key (COPY deploy_key /root/.ssh/id_rsa); public keys and client config are fine
      if (spec.sources.every((s) => /(authorized_keys|known_hosts|config|\.pub)["']?$/i.test(value(s)))) continue;
      const dkind = dv.endsWith('/') ? undefined : secretFileKind(dv);
      if (!dkind || dkind.startsWith('the ')) continue;
      ctx.report({
        range: m.lines.rangeOf(d.start, d.end),
        message: `${kw} writes into ${dkind} ("${d.text}"): keys and credentials copied into a layer stay in the image for anyone who can pull it. Mount them at build time (RUN --mount=type=secret or type=ssh) instead.`,
      });
    }
  },
});
