/** Option specs and small classifiers for download tools, interpreters and service managers. */
import { optionsOf, type OptionSpec, type ParsedArgs } from './options';
import { POSIX_SHELLS, shellCommandArg, type Command, type Word } from './script';

export const CURL: OptionSpec = {
  shortValued: 'AbcCdDeEFHKmoPQrtTuUwxXyYz',
  longValued: [
    '--output', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--header', '--user', '--user-agent', '--referer',
    '--cookie', '--cookie-jar', '--form', '--form-string', '--request', '--proxy', '--proxy-user', '--max-time', '--connect-timeout',
    '--retry', '--retry-delay', '--retry-max-time', '--write-out', '--cacert', '--capath', '--cert', '--cert-type', '--key', '--key-type',
    '--config', '--output-dir', '--url', '--upload-file', '--range', '--limit-rate', '--resolve', '--interface', '--dns-servers', '--proto',
    '--proto-redir', '--create-file-mode', '--ciphers', '--pinnedpubkey', '--continue-at', '--max-filesize', '--max-redirs', '--dump-header',
    '--stderr', '--trace', '--trace-ascii', '--netrc-file', '--connect-to', '--noproxy', '--oauth2-bearer', '--aws-sigv4', '--json', '--variable',
    '--expect100-timeout', '--happy-eyeballs-timeout-ms', '--keepalive-time', '--local-port', '--speed-limit', '--speed-time', '--tls-max',
  ],
};

export const WGET: OptionSpec = {
  shortValued: 'oaOePtTwQUiBlDXIAR',
  nPrefix: true,
  longValued: [
    '--output-file', '--append-output', '--output-document', '--execute', '--directory-prefix', '--tries', '--timeout', '--wait', '--quota',
    '--user-agent', '--input-file', '--base', '--level', '--domains', '--exclude-directories', '--include-directories', '--accept', '--reject',
    '--header', '--user', '--password', '--post-data', '--post-file', '--ca-certificate', '--certificate', '--private-key', '--load-cookies',
    '--save-cookies', '--referer', '--http-user', '--http-password', '--bind-address', '--limit-rate', '--method', '--body-data', '--body-file',
    '--progress', '--ca-directory', '--certificate-type', '--private-key-type', '--secure-protocol', '--ciphers',
  ],
};

export interface Download {
  command: Command;
  tool: 'curl' | 'wget';
  parsed: ParsedArgs;
  urls: Word[];
  /** The file written (`-o f`, `-O f`); undefined when the body goes to standard output. */
  output?: Word;
  /** Saved under the URL's name (`curl -O`, `wget url`). */
  remoteName: boolean;
  /** The body goes to standard output. */
  stdout: boolean;
}

/** A curl or wget download, with where its output goes. */
export function download(c: Command): Download | undefined {
  if (c.program === 'curl') {
    const p = optionsOf(c.args, CURL);
    const out = p.options.find((o) => o.name === '-o' || o.name === '--output');
    const remoteName = p.options.some((o) => o.name === '-O' || o.name === '--remote-name' || o.name === '--remote-name-all' || o.name === '-J');
    const urls = [...p.operands, ...p.options.filter((o) => o.name === '--url' && o.valueWord).map((o) => o.valueWord!)];
    const outWord = out?.valueWord;
    const stdout = (!out && !remoteName) || out?.value === '-';
    return { command: c, tool: 'curl', parsed: p, urls, output: outWord && out?.value !== '-' ? outWord : undefined, remoteName, stdout };
  }
  if (c.program === 'wget') {
    const p = optionsOf(c.args, WGET);
    const out = p.options.find((o) => o.name === '-O' || o.name === '--output-document');
    const stdout = out?.value === '-' || out?.value === '/dev/stdout';
    return {
      command: c,
      tool: 'wget',
      parsed: p,
      urls: p.operands,
      output: out?.valueWord && !stdout ? out.valueWord : undefined,
      remoteName: !out,
      stdout,
    };
  }
  return undefined;
}

const INTERPRETERS = /^(python[\d.]*|pypy[\d.]*|perl[\d.]*|ruby[\d.]*|node|nodejs|php[\d.]*)$/;

/** A command that runs a script it reads from standard input (`sh`, `bash -s --`, `python3 -`). */
export function readsScriptFromStdin(c: Command): boolean {
  if (!c.program) return false;
  if (POSIX_SHELLS.has(c.program)) {
    const args = c.program === 'busybox' ? (c.args[0]?.text === 'sh' ? c.args.slice(1) : undefined) : c.args;
    if (!args) return false;
    return !!shellCommandArg(args)?.stdin;
  }
  if (INTERPRETERS.test(c.program)) {
    const ops = c.args.filter((a) => !a.text.startsWith('-') || a.text === '-');
    return !ops.length || ops[0].text === '-';
  }
  return false;
}

/** A command that runs a script file given as its first operand (`sh f`, `bash f`, `python3 f`). */
export function scriptOperand(c: Command): Word | undefined {
  if (!c.program) return undefined;
  if (POSIX_SHELLS.has(c.program) || INTERPRETERS.test(c.program) || c.program === 'source' || c.program === '.') {
    if (POSIX_SHELLS.has(c.program)) {
      const r = shellCommandArg(c.args);
      if (!r || r.script || r.stdin) return undefined;
    }
    return c.args.find((a) => !a.text.startsWith('-'));
  }
  return undefined;
}

/** Programs that verify a download: checksums, signatures. */
export function verifies(c: Command): boolean {
  const p = c.program ?? '';
  if (/^(sha\d*sum|shasum|md5sum|b2sum|cksum)$/.test(p)) return c.args.some((a) => /^(-c|--check|-a)$/.test(a.text) || /^-[a-z]*c[a-z]*$/.test(a.text));
  if (p === 'gpg' || p === 'gpg2') return c.args.some((a) => a.text === '--verify');
  if (p === 'gpgv' || p === 'gpgv2' || p === 'minisign' || p === 'signify') return true;
  if (p === 'cosign') return c.args.some((a) => /^verify/.test(a.text));
  if (p === 'openssl') return c.args.some((a) => a.text === '-verify' || a.text === 'dgst');
  if (p === 'rpm') return c.args.some((a) => a.text === '--checksig' || a.text === '-K');
  return false;
}

export function isUrlWord(w: Word | undefined): boolean {
  return !!w && /^(https?|ftp):\/\//i.test(w.text);
}
