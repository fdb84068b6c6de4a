import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { wordValue } from '../analysis';
import { copySpec, heredocsOf, withTriggers, type Word } from '../instructions';
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

/** Folders that hold public keys and trust anchors (package signing keys, CA certificates), never private keys. */
const PUBLIC_KEY_DIR = /(^|\/)(etc\/apt\/(trusted\.gpg\.d|keyrings)|usr\/share\/keyrings|etc\/apk\/keys|etc\/pki\/(rpm-gpg|ca-trust)|usr\/local\/share\/ca-certificates|etc\/ssl\/certs)(\/|$)/;
/** Words in a path that say the key is public. */
const PUBLIC_NAME = /(^|[^a-z])(pub|public|pubkey|publickey)([^a-z]|$)|\.pub$/;

/**
 * A copied file that looks like a key (by its name) but is public by its name or where it goes: `public.key`,
 * `signing.pub`, a key written into an apt keyring or the CA store.
 */
function publicByPlace(source: string, dest: string | undefined): boolean {
  const src = source.toLowerCase();
  const base = src.split(/[\\/]/).pop() ?? src;
  if (PUBLIC_NAME.test(base)) return true;
  return !!dest && PUBLIC_KEY_DIR.test(dest.replace(/\\/g, '/').toLowerCase());
}

/** What a heredoc body holds when it is key material: a private key (by its PEM/OpenSSH header) or a public one. */
export function keyContent(body: string): 'private' | 'public' | undefined {
  if (/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/.test(body)) return 'private';
  if (/-----BEGIN (?:PGP PUBLIC KEY BLOCK|(?:[A-Z0-9]+ )*PUBLIC KEY|CERTIFICATE)-----|^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+) /m.test(body)) return 'public';
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
      const destValue = spec.dest ? value(spec.dest) : undefined;
      // a heredoc whose body is a private key: the key is in the Dockerfile itself
      for (const h of heredocsOf(ins)) {
        const r = h.getContentRange();
        if (!r) continue;
        const body = m.text.slice(m.lines.offsetAt(r.start), m.lines.offsetAt(r.end));
        if (keyContent(body) !== 'private') continue;
        reported = true;
        let line = r.start.line;
        while (line < r.end.line && !/-----BEGIN .*PRIVATE KEY/.test(m.lines.line(line))) line++;
        const text = m.lines.line(line);
        ctx.report({
          range: { start: { line, character: text.length - text.trimStart().length }, end: { line, character: text.trimEnd().length } },
          message: `${kw} writes a private key written out in the Dockerfile into the image: both the Dockerfile and every layer built from it now hold the key. Mount it at build time (RUN --mount=type=secret) instead.`,
        });
      }
      // a heredoc holding a public key or certificate is not a secret, whatever its destination is called
      const publicBody = heredocsOf(ins).some((h) => {
        const r = h.getContentRange();
        return !!r && keyContent(m.text.slice(m.lines.offsetAt(r.start), m.lines.offsetAt(r.end))) === 'public';
      });
      if (reported || publicBody) continue;
      for (const s of spec.sources) {
        const v = value(s);
        if (/^[a-z]+:\/\//i.test(v)) continue;
        // a .pem is a certificate as often as a key: only a name or a destination that says private makes it one
        const kind = secretFileKind(v) ?? (/\.pem["']?$/i.test(v) && destValue && /(^|[\\/])private([\\/]|$)/i.test(destValue) ? 'a PEM private key' : undefined);
        if (!kind) continue;
        // a .key/.pem named public, or copied into a keyring or the CA store, is a public key
        if ((kind === 'a private key' || kind === 'a PEM private key') && publicByPlace(v, destValue)) continue;
        reported = true;
        ctx.report({
          range: m.lines.rangeOf(s.start, s.end),
          message: `${kw} puts ${kind} ("${s.text}") into the image, where anyone who can pull it can read it, even after a later rm. Mount it at build time (RUN --mount=type=secret) or provide it at run time.`,
        });
      }
      const d = spec.dest;
      if (reported || !d || !(spec.sources.length + spec.heredocs.length)) continue;
      const dv = value(d);
      // the destination names a private key (COPY deploy_key /root/.ssh/id_rsa); public keys and client config are fine
      if (spec.sources.length && spec.sources.every((s) => /(authorized_keys|known_hosts|config|\.pub)["']?$/i.test(value(s)))) continue;
      const dkind = dv.endsWith('/') ? undefined : secretFileKind(dv);
      if (!dkind || dkind.startsWith('the ')) continue;
      if ((dkind === 'a private key' || dkind === 'a PEM private key') && publicByPlace(dv, dv)) continue;
      ctx.report({
        range: m.lines.rangeOf(d.start, d.end),
        message: `${kw} writes into ${dkind} ("${d.text}"): keys and credentials copied into a layer stay in the image for anyone who can pull it. Mount them at build time (RUN --mount=type=secret or type=ssh) instead.`,
      });
    }
  },
});
