/**
 * devops-guidance — the engine on the command line.
 *   devops-guidance lint [paths...] [--format text|json|sarif] [--kind K] [--config FILE] [--fail-level L]
 *                        [--mysql-target T] [--rule CODE=SEVERITY]... (use - as a path for stdin, with --kind)
 *   devops-guidance explain CODE|NAME
 *   devops-guidance topics [query]
 *   devops-guidance rules [--format text|json]
 * Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or configuration error.
 */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  KINDS,
  MYSQL_TARGETS,
  MAX_TEXT_LENGTH,
  ConfigError,
  allRules,
  atOrAbove,
  findRule,
  mycnfIncludedFiles,
  mycnfTarget,
  LANGUAGES,
  ready,
  ruleMarkdown,
  ruleTitle,
  searchTopics,
  topic,
  topicMarkdown,
  unknownRuleKeys,
  type Finding,
  type Kind,
  type Severity,
  type UserConfig,
} from '../core/index';
import { configFor, installNodeAssets, nodeEnv, vcsRootOf } from '../node/host';
import { lintFile } from '../node/shellcheck';
import { FORMATS, HADOLINT_FORMATS, format, type FileResult, type Format } from './formats';
import { fixFile, fixText, unifiedDiff } from './fix';
import { parseHadolintConfig, templateOf, SYNTAX_LABEL } from '../core/index';
import { escapeControl } from './escape';
import { collectFiles, KindUnknown } from './walk';
import { isInside, readStreamSafe, readTextFileSafe } from '../node/safefs';

const VERSION = '0.1.0';

class UsageError extends Error {}

/** A configuration file named with -c is refused above this size (as configuration files found by discovery). */
const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Where configuration discovery (.devops-guidance.yaml, .hadolint.yaml) stops going up for a linted file: the top of
 * the repository holding the current folder (else the current folder itself) for files under it and for stdin; for
 * a file named outside the current folder, the top of its own repository (else its own folder). Nothing above is
 * read unless named with --config.
 */
export function configRootFor(file: string | undefined, cwd = process.cwd()): string {
  const base = file && !isInside(cwd, file) ? dirname(resolve(file)) : cwd;
  return vcsRootOf(base) ?? base;
}

interface LintArgs {
  paths: string[];
  format: Format;
  /** --fix: write safe fixes; --unsafe-fixes adds the others; --diff: print what would change, write nothing. */
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  sarifCategory?: string;
  /** The kind of stdin and of named files whose name says nothing (the `hadolint` command: dockerfile). */
  defaultKind?: Kind;
  /** `-c` naming a hadolint configuration (.hadolint.yaml): read as hadolint's format. */
  hadolintConfig?: UserConfig;
  kind?: Kind;
  configFile?: string;
  /** Option-file includes are followed only inside this folder (default: the current folder). */
  includeRoot?: string;
  failLevel?: Severity | 'none';
  cli: UserConfig;
  color: boolean;
}

const HELP = `devops-guidance ${VERSION} — operations advice for Dockerfiles, my.cnf and Vagrantfiles

Usage:
  devops-guidance lint [paths...]     lint files and folders (default: .); - reads stdin (needs --kind)
      --format FORMAT                 text (default), json (hadolint's fields), sarif, github-actions, rdjson,
                                      gitlab, checkstyle, gnu; hadolint's names tty and gitlab_codeclimate work too
      --sarif-category NAME           SARIF runAutomationDetails id, to upload several runs side by side
      --fix                           apply safe fixes in place, then report what remains
      --unsafe-fixes                  with --fix or --diff: also fixes that may change behaviour
      --diff                          print the fixes as a unified diff; write nothing (exit 1 when there are any)
      --kind dockerfile|mycnf|vagrantfile   kind of stdin or of files with other names
      --config FILE                   project config instead of the nearest .devops-guidance.yaml (looked up
                                      no higher than the repository's top folder, else the current folder)
      --include-root DIR              follow option-file includes only inside DIR (default: the current folder)
      --fail-level error|warning|info|hint|none   exit 1 at or above this (default warning)
      --mysql-target ${MYSQL_TARGETS.join('|')}
      --rule CODE=off|hint|info|warning|error     severity override (repeatable)
      --no-shellcheck                 do not run ShellCheck on RUN and provisioning scripts (it runs when installed)
      --no-color
    hadolint's flags, for pipelines that call hadolint: -c/--config .hadolint.yaml, -f/--format, -t/--failure-threshold,
      --ignore CODE, --trusted-registry REG, --no-fail, --error/--warning/--info/--style CODE, --strict-labels,
      --disable-ignore-pragma (see README: CLI)
  devops-guidance hadolint [hadolint's flags] FILE...   lint as hadolint would be called (files are Dockerfiles)
  devops-guidance lsp --stdio         the language server (LSP 3.17) for Neovim, Helix, Emacs, Zed, JetBrains...
  devops-guidance explain CODE|NAME   a rule's documentation
  devops-guidance topics [query]      search the knowledge base; an exact topic id prints the page
  devops-guidance rules [--format json]   every rule: code, name, kind, severity, fix
  devops-guidance --version

Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or configuration error.`;

function parseLintArgs(argv: string[], hadolint = false): LintArgs {
  const a: LintArgs = { paths: [], format: 'text', fix: false, unsafeFixes: false, diff: false, cli: {}, color: process.stdout.isTTY === true && !process.env.NO_COLOR };
  const setRule = (code: string, sev: 'off' | 'hint' | 'info' | 'warning' | 'error', flag: string) => {
    if (!findRule(code) && !/^SC\d{4}$/.test(code)) throw new UsageError(`${flag}: no rule is called "${code}"`);
    a.cli.rules = { ...a.cli.rules, [code]: sev };
  };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('--') && v !== '-')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = () => {
      if (inline !== undefined) return inline;
      const v = value(i, arg);
      i++;
      return v;
    };
    switch (arg) {
      case '--format':
      case '-f': {
        const v = take();
        const f = (FORMATS as readonly string[]).includes(v) ? (v as Format) : HADOLINT_FORMATS[v];
        if (!f) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (or hadolint's ${Object.keys(HADOLINT_FORMATS).join(', ')}); got "${v}"`);
        a.format = f;
        break;
      }
      case '--sarif-category':
        a.sarifCategory = take();
        break;
      case '--fix':
        a.fix = true;
        break;
      case '--unsafe-fixes':
        a.unsafeFixes = true;
        break;
      case '--diff':
        a.diff = true;
        break;
      case '--ignore':
        setRule(take(), 'off', '--ignore');
        break;
      case '--error':
      case '--warning':
      case '--info':
      case '--style': {
        const sev = arg === '--style' ? 'hint' : (arg.slice(2) as 'error' | 'warning' | 'info');
        setRule(take(), sev, arg);
        break;
      }
      case '--trusted-registry':
        a.cli.dockerfile = { ...a.cli.dockerfile, trustedRegistries: [...(a.cli.dockerfile?.trustedRegistries ?? []), take()] };
        break;
      case '--strict-labels':
        a.cli.dockerfile = { ...a.cli.dockerfile, strictLabels: true };
        break;
      case '--disable-ignore-pragma':
        a.cli.dockerfile = { ...a.cli.dockerfile, disableIgnorePragma: true };
        break;
      case '--no-fail':
        a.failLevel = 'none';
        break;
      case '--kind': {
        const v = take();
        if (!KINDS.includes(v as Kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')} (got "${v}")`);
        a.kind = v as Kind;
        break;
      }
      case '--config':
      case '-c': {
        const file = take();
        if (/hadolint/i.test(basename(file))) {
          // hadolint's own configuration file: read in its format (ignored, override, trustedRegistries, ...)
          // size-checked like any configuration file: a FIFO, a device or a huge file is refused unread
          const r = readTextFileSafe(file, MAX_CONFIG_BYTES);
          if ('error' in r) throw new UsageError(`cannot use ${escapeControl(file)}: ${r.error}`);
          a.hadolintConfig = parseHadolintConfig(r.text, file);
        } else a.configFile = file;
        break;
      }
      case '--include-root':
        a.includeRoot = take();
        break;
      case '--fail-level':
      case '--failure-threshold':
      case '-t': {
        const v = take();
        const ok = ['error', 'warning', 'info', 'hint', 'none'];
        const mapped = v === 'style' ? 'hint' : v === 'ignore' ? 'none' : v;
        if (!ok.includes(mapped)) throw new UsageError(`--fail-level must be one of ${ok.join(', ')} (got "${v}")`);
        a.failLevel = mapped as Severity | 'none';
        break;
      }
      case '--mysql-target': {
        const v = take();
        if (!MYSQL_TARGETS.includes(v as (typeof MYSQL_TARGETS)[number])) throw new UsageError(`--mysql-target must be one of ${MYSQL_TARGETS.join(', ')} (got "${v}")`);
        a.cli.mysql = { target: v as (typeof MYSQL_TARGETS)[number] };
        break;
      }
      case '--rule': {
        const v = take();
        const m = /^([^=]+)=(off|hint|info|warning|error)$/.exec(v);
        if (!m) throw new UsageError(`--rule takes CODE=off|hint|info|warning|error (got "${v}")`);
        if (!findRule(m[1]) && !/^SC\d{4}$/.test(m[1])) throw new UsageError(`--rule: no rule is called "${m[1]}"`);
        a.cli.rules = { ...a.cli.rules, [m[1]]: m[2] as 'off' };
        break;
      }
      case '--no-shellcheck':
        a.cli.dockerfile = { ...a.cli.dockerfile, shellcheck: false };
        break;
      case '--no-color':
        a.color = false;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        a.paths.push(arg);
    }
  }
  if (!a.paths.length) a.paths.push('.');
  // `devops-guidance hadolint`: what hadolint is given is a Dockerfile, whatever its name (stdin included)
  if (hadolint && !a.kind) a.defaultKind = 'dockerfile';
  if (a.paths.includes('-') && !a.kind && !a.defaultKind) throw new UsageError('reading stdin (-) needs --kind dockerfile|mycnf|vagrantfile');
  if (a.unsafeFixes && !a.fix && !a.diff) throw new UsageError('--unsafe-fixes goes with --fix or --diff');
  if (a.fix && a.diff) throw new UsageError('--fix writes files and --diff writes none: choose one');
  if (a.fix && a.paths.includes('-')) throw new UsageError('--fix writes files; it cannot fix stdin (-): --diff shows the fixes');
  return a;
}

async function cmdLint(argv: string[], hadolint = false): Promise<number> {
  const args = parseLintArgs(argv, hadolint);
  let walked;
  try {
    walked = collectFiles(args.paths, args.kind, args.defaultKind);
  } catch (e) {
    if (e instanceof KindUnknown) throw new UsageError(e.message);
    throw e;
  }
  const { files, problems } = walked;
  // only the parsers the given files need (the Vagrantfile parser alone takes about a second to load)
  for (const k of new Set(files.map((f) => f.kind))) await ready(k);
  const results: FileResult[] = [];
  let failLevel: Severity | 'none' = args.failLevel ?? 'warning';
  const unknownKeys = new Set<string>();
  const notes: string[] = [];
  let wouldChange = 0;
  let fixedFiles = 0;
  const cliLayer: UserConfig = args.hadolintConfig ? mergeUserConfig(args.hadolintConfig, args.cli) : args.cli;
  const includeRoot = resolve(args.includeRoot ?? process.cwd());
  const configErrors = new Map<string, ConfigError>();
  // Option files read by another linted option file (through !include / !includedir) are fragments of it: checked
  // for the same server, and without the checks that need the whole configuration (those run on the root).
  const includedBy = new Map<string, string>();
  for (const { file, kind } of files) {
    if (kind !== 'mycnf' || file === '-') continue;
    const abs = resolve(file);
    for (const p of mycnfIncludedFiles(readFileOr(file, kind), nodeEnv(abs, { root: includeRoot }))) if (resolve(p) !== abs && !includedBy.has(resolve(p))) includedBy.set(resolve(p), abs);
  }
  const rootTargets = new Map<string, ReturnType<typeof mycnfTarget>>();
  // stdin is read once, however often `-` is named
  let stdinRead: ReturnType<typeof readStreamSafe> | undefined;
  for (const { file, kind } of files) {
    const isStdin = file === '-';
    // read before anything else, size-checked: one unreadable or oversized file does not stop the others
    let text: string;
    // stdin has the same size limit as a file, and is read no further than the limit
    const r = isStdin ? await (stdinRead ??= readStreamSafe(process.stdin, MAX_TEXT_LENGTH[kind])) : readTextFileSafe(file, MAX_TEXT_LENGTH[kind]);
    if ('error' in r) {
      problems.push({ path: isStdin ? '<stdin>' : file, message: r.error });
      continue;
    }
    text = r.text;
    const found = configFor(isStdin ? undefined : file, kind, { configFile: args.configFile, cli: cliLayer, stopAt: configRootFor(isStdin ? undefined : file) });
    if (found.errors.length) {
      // a broken config file is reported once, and the files it governs are not linted (their result would be wrong)
      for (const e of found.errors) configErrors.set(`${e.file ?? ''}:${e.message}`, e);
      continue;
    }
    let config = found.config;
    const root = kind === 'mycnf' && !isStdin ? includedBy.get(resolve(file)) : undefined;
    if (root && !args.cli.mysql?.target) {
      let rt = rootTargets.get(root);
      if (!rt) {
        const rootConfig = configFor(root, 'mycnf', { configFile: args.configFile, cli: cliLayer, stopAt: configRootFor(root) }).config;
        rt = mycnfTarget(readFileOr(root, 'mycnf'), rootConfig, nodeEnv(root, { root: includeRoot }));
        rootTargets.set(root, rt);
      }
      config = { ...config, mysqlTarget: rt.target, mysqlTargetFrom: `${relative(process.cwd(), root) || root}, which includes this file,` };
    }
    for (const k of unknownRuleKeys(config)) unknownKeys.add(k);
    if (!args.failLevel && config.failLevel) failLevel = config.failLevel;
    const shown = isStdin ? '<stdin>' : relative(process.cwd(), file) || file;
    const notOwn = !args.kind && !isStdin ? LANGUAGES[kind].notOwnContent?.(file, text) : undefined;
    if (notOwn) {
      results.push({ file: shown, kind, findings: [], skipped: `${notOwn} (pass --kind ${kind} to lint it anyway)` });
      continue;
    }
    // option-file includes are followed only inside the include root
    const env = { ...nodeEnv(isStdin ? undefined : resolve(file), { root: includeRoot }), ...(root ? { includedBy: root } : {}) };
    if (text !== undefined && (args.fix || args.diff)) {
      const r = isStdin ? { ...fixText(text, kind, config, env, args.unsafeFixes), original: text, written: false } : fixFile(file, kind, config, env, { unsafe: args.unsafeFixes, dryRun: args.diff });
      if (r.refused) notes.push(`${shown}: ${r.refused}`);
      if (args.diff) {
        const d = unifiedDiff(shown, r.original, r.text);
        if (d) {
          wouldChange++;
          process.stdout.write(d);
        }
        continue;
      }
      for (const a of r.applied) notes.push(`${shown}:${a.line}: fixed ${a.code}: ${a.title}`);
      if (r.written) fixedFiles++;
      text = r.text;
    }
    // lint, then ShellCheck on the file's shell scripts when the binary is installed (silent otherwise;
    // --no-shellcheck turns it off), merged
    const findings = await lintFile(text, kind, config, env, { cwd: isStdin ? process.cwd() : dirname(resolve(file)) });
    const mysqlTarget = kind === 'mycnf' && config.enable.mycnf ? mycnfTarget(text, config, env) : undefined;
    const tpl = text !== undefined ? templateOf(isStdin ? undefined : file, text) : undefined;
    results.push({ file: shown, kind, findings, text, ...(tpl ? { template: SYNTAX_LABEL[tpl.syntax], templateSyntax: tpl.syntax } : {}), ...(mysqlTarget ? { mysqlTarget: { target: mysqlTarget.target, label: mysqlTarget.label, reason: mysqlTarget.reason, tables: mysqlTarget.tables } } : {}) });
  }
  for (const k of unknownKeys) process.stderr.write(`devops-guidance: warning: configuration names an unknown rule "${escapeControl(k)}"\n`);
  const reportProblems = () => {
    for (const p of problems) process.stderr.write(`devops-guidance: ${escapeControl(relative(process.cwd(), p.path) || p.path)}: ${escapeControl(p.message)}\n`);
    for (const e of configErrors.values()) process.stderr.write(`devops-guidance: invalid configuration: ${escapeControl(e.message)}\n`);
  };
  if (args.diff) {
    for (const n of notes) process.stderr.write(`devops-guidance: ${escapeControl(n)}\n`);
    reportProblems();
    return problems.length || configErrors.size ? 2 : wouldChange ? 1 : 0;
  }
  // A finding inside an included option file is reported once, even when several linted files include it, and not
  // again when that file is linted itself (as a fragment of the root that includes it).
  const keyOf = (file: string, f: Finding) => `${resolve(file)}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
  const seenIncluded = new Set<string>();
  for (const r of results) if (r.file !== '<stdin>') for (const f of r.findings) if (!f.file) seenIncluded.add(keyOf(r.file, f));
  for (const r of results) {
    r.findings = r.findings.filter((f) => {
      if (!f.file) return true;
      const key = keyOf(f.file, f);
      if (seenIncluded.has(key)) return false;
      seenIncluded.add(key);
      return true;
    });
  }
  // findings in included option files carry the included file's absolute path: shown relative to the current
  // folder, like the linted files' own names
  const shownPath = (p: string) => (isAbsolute(p) ? relative(process.cwd(), p) || p : p);
  for (const r of results) {
    r.findings = r.findings.map((f) =>
      f.file || f.related?.some((x) => x.file)
        ? { ...f, ...(f.file ? { file: shownPath(f.file) } : {}), ...(f.related ? { related: f.related.map((x) => (x.file ? { ...x, file: shownPath(x.file) } : x)) } : {}) }
        : f,
    );
  }
  if (args.fix) {
    // what was fixed goes before the findings that remain (on stderr for machine-readable formats)
    const fixedCount = notes.filter((n) => n.includes(': fixed ')).length;
    const unsafeLeft = args.unsafeFixes ? 0 : results.reduce((n, r) => n + r.findings.filter((f) => !f.file && f.fixes?.length && !f.fixes.some((x) => x.safe)).length, 0);
    if (notes.length) (args.format === 'text' ? process.stdout : process.stderr).write(notes.map(escapeControl).join('\n') + '\n');
    process.stderr.write(
      `devops-guidance: ${fixedCount} fix${fixedCount === 1 ? '' : 'es'} applied in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}` +
        (unsafeLeft ? ` (${unsafeLeft} more with --unsafe-fixes)` : '') +
        '\n',
    );
  }
  const out = format(args.format, results, { color: args.color, version: VERSION, category: args.sarifCategory });
  process.stdout.write(out);
  reportProblems();
  // exit 2 when something could not be linted, even if the rest was clean
  if (problems.length || configErrors.size) return 2;
  const failing = results.some((r) => r.findings.some((f) => atOrAbove(f.severity, failLevel)));
  return failing ? 1 : 0;
}

/** A file's text for a look ahead (includes, a root's target): read as safely as any linted file, '' when it cannot be. */
function readFileOr(file: string, kind: Kind): string {
  const r = readTextFileSafe(file, MAX_TEXT_LENGTH[kind]);
  return 'error' in r ? '' : r.text;
}

/** CLI flags over a hadolint config given with -c: maps merged per key, lists concatenated. */
function mergeUserConfig(base: UserConfig, top: UserConfig): UserConfig {
  return {
    ...base,
    ...top,
    rules: { ...base.rules, ...top.rules },
    dockerfile: {
      ...base.dockerfile,
      ...top.dockerfile,
      trustedRegistries: [...(base.dockerfile?.trustedRegistries ?? []), ...(top.dockerfile?.trustedRegistries ?? [])],
    },
  };
}

function cmdLsp(argv: string[]): Promise<number> {
  // a bundle of its own (dist/lsp.js), loaded only for this command
  const lsp = require(join(__dirname, 'lsp.js')) as { runLanguageServer(argv: string[], distDir: string): Promise<number> };
  return lsp.runLanguageServer(argv, __dirname);
}

function cmdExplain(argv: string[]): number {
  if (argv.length !== 1) throw new UsageError('explain takes one rule code or name, e.g. devops-guidance explain DL3008');
  const page = ruleMarkdown(argv[0]);
  if (!page) {
    throw new UsageError(`no rule is called "${argv[0]}"; devops-guidance rules lists them`);
  }
  process.stdout.write(page + '\n');
  return 0;
}

function cmdTopics(argv: string[]): number {
  const query = argv.join(' ').trim();
  if (query && topic(query)) {
    process.stdout.write(topicMarkdown(query)! + '\n');
    return 0;
  }
  const found = searchTopics(query);
  if (!found.length) {
    process.stdout.write(`No topic matches "${query}".\n`);
    return 0;
  }
  const width = Math.max(...found.map((t) => t.id.length));
  for (const t of found) process.stdout.write(`${t.id.padEnd(width)}  ${t.title} — ${t.summary}\n`);
  process.stdout.write(`\n${found.length} topic${found.length === 1 ? '' : 's'}. Show one with: devops-guidance topics <id>\n`);
  return 0;
}

function cmdRules(argv: string[]): number {
  const json = argv.includes('--format=json') || (argv.includes('--format') && argv[argv.indexOf('--format') + 1] === 'json');
  const rules = allRules();
  if (json) {
    process.stdout.write(
      JSON.stringify(
        rules.map((m) => ({ code: m.code, name: m.name, kind: m.kind, severity: m.severity, fix: m.fix, aliases: m.aliases ?? [] })),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  for (const m of rules) process.stdout.write(ruleTitle(m) + '\n');
  const perKind = KINDS.map((k) => `${rules.filter((r) => r.kind === k).length} ${k}`).join(', ');
  process.stdout.write(`\n${rules.length} rules: ${perKind}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  installNodeAssets(__dirname);
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'lint':
        return await cmdLint(rest);
      case 'hadolint':
        // a drop-in for pipelines that run `hadolint [flags] FILE...`: same flags, files taken as Dockerfiles
        if (rest.length === 1 && (rest[0] === '-v' || rest[0] === '--version')) {
          process.stdout.write(`${VERSION}\n`);
          return 0;
        }
        return await cmdLint(rest, true);
      case 'lsp':
        return await cmdLsp(rest);
      case 'explain':
        return cmdExplain(rest);
      case 'topics':
        return cmdTopics(rest);
      case 'rules':
        return cmdRules(rest);
      case '--version':
      case '-V':
      case '-v':
        process.stdout.write(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(HELP + '\n');
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`devops-guidance: ${escapeControl(e.message)}\nRun devops-guidance --help for usage.\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`devops-guidance: invalid configuration: ${escapeControl(e.message)}\n`);
      return 2;
    }
    process.stderr.write(`devops-guidance: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  // `devops-guidance rules | head`: a closed pipe ends the output quietly instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`devops-guidance: internal error: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
