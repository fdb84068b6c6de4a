import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { pairs, withTriggers } from '../instructions';

/** Names hadolint knows to hold credentials. */
const KNOWN = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'BITTREX_API_KEY',
  'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD', 'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD',
  'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME', 'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET',
  'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN', 'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN',
  'GITHUB_TOKEN', 'HEROKU_API_KEY', 'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL',
  'OKTA_CLIENT_TOKEN', 'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME',
  'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);
/** A word that alone marks a secret. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pword', 'passphrase', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'auth']);
/** Word pairs that mark a secret (`API_KEY`, `PRIVATE_KEY`). */
const SECRET_KEYS = new Set(['api', 'client', 'private', 'secret', 'access', 'encryption', 'signing', 'master', 'session', 'license']);
/** Words that say the value is not the secret itself (a file, a path, a version, a public key, a policy). */
const ALLOW = new Set([
  'public', 'file', 'files', 'version', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'length', 'policy', 'type', 'header',
  'enabled', 'enable', 'disabled', 'required', 'mode', 'method', 'plugin', 'provider', 'fingerprint', 'gpg', 'pgp', 'id',
]);

/** Why a variable name looks like it carries a secret, or undefined. */
export function secretName(name: string): string | undefined {
  if (KNOWN.has(name.toUpperCase())) return 'a well-known credential name';
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-.]+/)
    .filter(Boolean);
  if (words.some((w) => ALLOW.has(w))) return undefined;
  const hit = words.find((w) => SECRET_WORDS.has(w));
  if (hit === 'auth' && words.length > 1 && words[words.length - 1] !== 'auth' && words[0] !== 'auth') return undefined;
  if (hit) return `"${hit}" in the name`;
  for (let k = 1; k < words.length; k++) {
    if (words[k] === 'key' && SECRET_KEYS.has(words[k - 1])) return `"${words[k - 1]}_key" in the name`;
  }
  return undefined;
}

/** An absolute or home-relative path (`/run/secrets/token`, `~/.config/gcloud/key.json`, `C:\\keys\\app.pfx`, `$HOME/.netrc`). */
export function isPathValue(value: string): boolean {
  return /^(\/|~\/|\.{1,2}\/|[A-Za-z]:[\\/]|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\/)[^\s:;,]*$/.test(value) && value !== '/';
}

/**
 * ARG or ENV carrying what looks like a secret: ARG values end up in the image history and build metadata, ENV
 * values in every container. Secrets belong in `RUN --mount=type=secret`.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3064', name: 'secret-in-arg-or-env', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['SecretsUsedInArgOrEnv', 'DS-0031'] },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      const kw = ins.getKeyword();
      if (kw !== 'ARG' && kw !== 'ENV') continue;
      for (const p of pairs(m, ins)) {
        if (!p.name) continue;
        const why = secretName(p.name);
        if (!why) continue;
        const value = (p.raw ?? '').replace(/^["']|["']$/g, '');
        // a path (to a secret file, a key store, a socket) names where the secret is, not the secret itself
        if (isPathValue(value)) continue;
        ctx.report({
          range: m.lines.rangeOf(p.nameStart, p.nameEnd),
          message: `${kw} ${p.name} looks like a secret (${why}): ${kw === 'ARG' ? 'build arguments are recorded in the image history and build provenance' : 'ENV values are stored in the image and visible to anyone who can pull it'}. Pass secrets with RUN --mount=type=secret.`,
        });
      }
    }
  },
});
