import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { DockerfileModel } from '../model';
import { dockerfileShell } from '../shell/analysis';
import { assigningCommands, callOf, calls, commands, commandsNamed, type Indexed } from '../shell/lint';
import { optionsOf } from '../../shell/options';
import type { Command, Word } from '../../shell/script';
import { CURL, WGET } from '../../shell/tools';

const FALSE = /^(0|false|no|off)$/i;

/** Environment variables that turn TLS certificate checks off, with the value test. */
const ENV_VARS: Record<string, { off: (v: string) => boolean; what: string }> = {
  NODE_TLS_REJECT_UNAUTHORIZED: { off: (v) => v === '0', what: 'Node.js accepts any TLS certificate' },
  PYTHONHTTPSVERIFY: { off: (v) => v === '0', what: 'Python skips HTTPS certificate checks' },
  GIT_SSL_NO_VERIFY: { off: (v) => v !== '', what: 'git skips TLS certificate checks' },
  NPM_CONFIG_STRICT_SSL: { off: (v) => FALSE.test(v), what: 'npm accepts any TLS certificate' },
  YARN_STRICT_SSL: { off: (v) => FALSE.test(v), what: 'yarn accepts any TLS certificate' },
  PIP_TRUSTED_HOST: { off: (v) => v !== '', what: 'pip skips TLS checks for the listed hosts' },
};

const ENV_VAR_MAP = new Map(Object.entries(ENV_VARS));

function envVar(name: string): { off: (v: string) => boolean; what: string } | undefined {
  return ENV_VAR_MAP.get(name) ?? ENV_VAR_MAP.get(name.toUpperCase());
}

interface Hit {
  range: Range;
  message: string;
}

/** Settings written into config files with echo/printf: `strict-ssl=false` >> .npmrc, `sslverify=0` >> yum.conf. */
const CONFIG_TEXT: { file: RegExp; text: RegExp; what: string }[] = [
  { file: /\.npmrc$|\.yarnrc$/, text: /strict-ssl\s*[=\s]\s*"?false/i, what: 'npm/yarn accept any TLS certificate' },
  { file: /\.curlrc$/, text: /(^|\s)(-k|--insecure|insecure)(\s|$)/, what: 'curl accepts any TLS certificate' },
  { file: /\.wgetrc$|wgetrc$/, text: /check_certificate\s*=\s*off/i, what: 'wget accepts any TLS certificate' },
  { file: /(yum|dnf)\.conf$|\.repo$/, text: /sslverify\s*=\s*(0|false|no)\b/i, what: 'the package manager skips TLS certificate checks' },
  { file: /pip\.conf$|pip\.ini$/, text: /trusted-host/i, what: 'pip skips TLS checks for the listed hosts' },
  { file: /\.gitconfig$|gitconfig$/, text: /sslverify\s*=\s*false/i, what: 'git skips TLS certificate checks' },
];

function checkCommand(c: Command): Hit[] {
  const hits: Hit[] = [];
  const p = c.program;
  // a bare `A=1` is a shell variable, not in the environment of later commands
  for (const a of c.name ? c.assignments : []) {
    const v = envVar(a.name);
    if (v && v.off(a.value?.text ?? '')) hits.push({ range: a.range, message: `${a.name}=${a.value?.text ?? ''}: ${v.what}.` });
  }
  if (!p) return hits;
  if (p === 'curl') {
    for (const o of optionsOf(c.args, CURL).options) {
      if (o.name === '-k' || o.name === '--insecure' || o.name === '--proxy-insecure') {
        hits.push({ range: optionRange(o.word, o.offset, o.name), message: `curl ${o.name} accepts any TLS certificate: the download can be swapped by anyone on the network path.` });
      }
    }
  } else if (p === 'wget') {
    for (const o of optionsOf(c.args, WGET).options) {
      if (o.name === '--no-check-certificate') hits.push({ range: o.word.range, message: 'wget --no-check-certificate accepts any TLS certificate: the download can be swapped by anyone on the network path.' });
    }
  } else if (p === 'export') {
    // handled through assignments above
  } else if (p === 'git') {
    for (let i = 0; i < c.args.length; i++) {
      const t = c.args[i].text;
      if (t === '-c' && c.args[i + 1] && /^http\.(.*\.)?sslverify=(0|false|no|off)$/i.test(c.args[i + 1].text)) {
        hits.push({ range: c.args[i + 1].range, message: `git -c ${c.args[i + 1].text} skips TLS certificate checks.` });
      }
      if (t === 'config' && /^http\.(.*\.)?sslverify$/i.test(c.args.find((a, k) => k > i && !a.text.startsWith('-'))?.text ?? '')) {
        const rest = c.args.slice(i + 1).filter((a) => !a.text.startsWith('-'));
        if (rest.length >= 2 && FALSE.test(rest[1].text)) hits.push({ range: rest[0].range, message: `git config ${rest[0].text} ${rest[1].text} skips TLS certificate checks.` });
      }
    }
  }
  const call = callOf(c);
  if (call?.manager === 'pip') {
    for (const o of call.options) if (o.name === '--trusted-host') hits.push({ range: o.word.range, message: `pip --trusted-host ${o.value ?? ''} skips TLS certificate checks for that host.`.replace('  ', ' ') });
    if (call.action === 'config' && /^set$/.test(call.operands[0]?.text ?? '') && /trusted-host$/.test(call.operands[1]?.text ?? '')) {
      hits.push({ range: call.operands[1].range, message: `pip config ${call.operands[1].text} skips TLS certificate checks for those hosts.` });
    }
  }
  if (call && (call.manager === 'npm' || call.manager === 'yarn' || c.program === 'pnpm')) {
    for (const o of call.options) {
      if (o.name === '--no-strict-ssl' || (o.name === '--strict-ssl' && o.value !== undefined && FALSE.test(o.value))) {
        hits.push({ range: o.valueWord ? { start: o.word.range.start, end: o.valueWord.range.end } : o.word.range, message: `${c.program} ${o.name}${o.value !== undefined ? ' ' + o.value : ''} accepts any TLS certificate from the registry.` });
      }
    }
    if ((call.action === 'config' || call.action === 'set') && call.operands.length) {
      const ops = call.action === 'config' ? call.operands.slice(1) : call.operands;
      if (call.action !== 'config' || call.operands[0].text === 'set') {
        const key = ops[0];
        if (key && /^strict-ssl(=(.*))?$/i.test(key.text)) {
          const value = key.text.includes('=') ? key.text.split('=')[1] : ops[1]?.text;
          if (value !== undefined && FALSE.test(value)) hits.push({ range: key.range, message: `${c.program} config strict-ssl ${value} accepts any TLS certificate from the registry.` });
        }
      }
    }
  }
  if (call && (call.manager === 'yum' || call.manager === 'dnf' || call.manager === 'microdnf')) {
    for (const o of call.options) {
      if (o.name === '--setopt' && /^([\w.*-]+\.)?sslverify=(0|false|no)$/i.test(o.value ?? '')) hits.push({ range: o.word.range, message: `--setopt=${o.value} makes ${c.program} skip TLS certificate checks.` });
    }
  }
  if ((p === 'echo' || p === 'printf') && c.redirects.length) {
    const target = c.redirects.find((r) => (r.op === '>' || r.op === '>>') && r.target)?.target?.text ?? '';
    for (const rule of CONFIG_TEXT) {
      if (!rule.file.test(target)) continue;
      const w = c.args.find((a) => rule.text.test(a.text));
      if (w) hits.push({ range: w.range, message: `Writing "${w.text.trim()}" to ${target}: ${rule.what}.` });
    }
  }
  return hits;
}

/** The range of one letter of a cluster (`k` of `-fsSLk`), or the whole option word. */
export function optionRange(w: Word, offset: number, name: string): Range {
  if (name.startsWith('--') || offset === 0 || w.raw !== w.text || w.text === name) return w.range;
  return { start: { line: w.range.start.line, character: w.range.start.character + offset }, end: { line: w.range.start.line, character: w.range.start.character + offset + 1 } };
}

/**
 * TLS certificate verification turned off: curl -k, wget --no-check-certificate, pip --trusted-host, npm/yarn
 * strict-ssl false, git sslVerify false, yum/dnf sslverify=0, NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0,
 * GIT_SSL_NO_VERIFY, PIP_TRUSTED_HOST — on the command line, inline, exported, or set by ENV/ARG.
 */
export default defineRule<DockerfileModel>({
  meta: {
    code: 'DKR100',
    name: 'tls-verification-disabled',
    kind: 'dockerfile',
    severity: 'warning',
    fix: 'none',
    aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
  },
  check(m, ctx) {
    // only the commands that can turn checks off: download tools, git, config writers, package managers, assignments
    const seen = new Set<unknown>();
    const candidates: Indexed[] = [
      ...commandsNamed(m, 'curl', 'wget', 'git', 'echo', 'printf', 'pnpm'),
      ...calls(m, ['pip', 'npm', 'yarn', 'yum', 'dnf', 'microdnf']).map(({ run, call }) => ({ run, cmd: call.command })),
      ...assigningCommands(m),
    ].filter((e) => !seen.has(e.cmd) && (seen.add(e.cmd), true));
    for (const { cmd } of candidates) for (const h of checkCommand(cmd)) ctx.report(h);
    const shell = dockerfileShell(m);
    for (const p of shell.properties) {
      const v = envVar(p.name);
      if (!v || p.value === undefined || !v.off(p.value)) continue;
      ctx.report({
        range: p.range,
        message: `${p.keyword} ${p.name}=${p.value}: ${v.what}${p.keyword === 'ENV' ? ', in this build and in every container run from the image' : ' during the build'}.`,
      });
    }
    for (const ins of m.instructions) {
      const kw = ins.getKeyword();
      if (kw === 'CMD' || kw === 'ENTRYPOINT' || kw === 'HEALTHCHECK') {
        const use = shell.use(ins);
        if (use) for (const c of commands(use)) for (const h of checkCommand(c)) ctx.report(h);
      }
    }
  },
});
