/**
 * Package-manager command lines, parsed per manager: the action (`install`, `add`), the options with their
 * values, and the package operands, each classified as a package name (pinned or not) or as something the
 * rules cannot judge (a `$VAR`, a local file, a URL, a requirements file). Unknown operands are never flagged.
 */
import type { Command, Word } from './script';
import { parseOptions, type OptionSpec, type ParsedArgs, type ParsedOption } from './options';

export type Manager = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'pipx' | 'npm' | 'yarn' | 'gem' | 'go';

export interface PackageRef {
  word: Word;
  /** `pinned`: a version is given; `unpinned`: a bare name; `unknown`: not a package name the rules can judge. */
  status: 'pinned' | 'unpinned' | 'unknown';
  /** The package name part, for messages. */
  name: string;
}

export interface PmCall {
  manager: Manager;
  command: Command;
  /** The sub-command (`install`, `add`, `update`), lower-cased; undefined when there is none. */
  action?: string;
  actionWord?: Word;
  options: ParsedOption[];
  /** Operands after the action. */
  operands: Word[];
  parsed: ParsedArgs;
}

const APT: OptionSpec = {
  shortValued: 'octaP',
  longValued: ['--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles', '--solver', '--planner'],
};
const APK: OptionSpec = {
  shortValued: 'Xtp',
  longValued: ['--repository', '--virtual', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--wait', '--progress-fd', '--cache-max-age', '--timeout'],
};
const YUM: OptionSpec = {
  shortValued: 'cdeRx',
  longValued: [
    '--config', '--debuglevel', '--errorlevel', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--exclude',
    '--setopt', '--repo', '--repoid', '--repofrompath', '--downloaddir', '--destdir', '--rpmverbosity', '--forcearch', '--color',
    '--disableexcludes', '--disableplugin', '--enableplugin', '--excludepkgs', '--includepkgs', '--comment', '--advisory',
    '--advisories', '--bz', '--cve', '--sec-severity', '--secseverity', '--noplugins-except', '--setopt',
  ],
};
const ZYPPER: OptionSpec = {
  shortValued: 'rDCRctp',
  longValued: ['--repo', '--reposd-dir', '--cache-dir', '--root', '--config', '--type', '--from', '--installroot', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir'],
};
const PIP: OptionSpec = {
  shortValued: 'rceitfbC',
  longValued: [
    '--requirement', '--constraint', '--editable', '--target', '--platform', '--python-version', '--implementation', '--abi', '--root',
    '--prefix', '--src', '--upgrade-strategy', '--index-url', '--extra-index-url', '--find-links', '--no-binary', '--only-binary',
    '--progress-bar', '--trusted-host', '--proxy', '--retries', '--timeout', '--log', '--log-file', '--cache-dir', '--exists-action',
    '--cert', '--client-cert', '--global-option', '--install-option', '--config-settings', '--report', '--python', '--root-user-action',
    '--keyring-provider', '--use-feature', '--use-deprecated', '--build-option', '--group', '--build', '--dest', '--format',
  ],
};
/** pipx: pip's package specs, its own options (`--python`, `--pip-args`, `--suffix`, `--preinstall` take a value). */
const PIPX: OptionSpec = {
  longValued: ['--python', '--pip-args', '--suffix', '--preinstall', '--index-url', '--spec'],
};
const NPM: OptionSpec = {
  shortValued: 'w',
  longValued: [
    '--prefix', '--registry', '--cache', '--tag', '--omit', '--include', '--workspace', '--userconfig', '--globalconfig', '--loglevel',
    '--before', '--install-strategy', '--save-prefix', '--only', '--also', '--location', '--scope', '--strict-ssl', '--cafile', '--ca',
    '--proxy', '--https-proxy', '--fetch-retries', '--fetch-timeout', '--target_arch', '--target_platform', '--arch', '--platform',
    '--python', '--node-options', '--script-shell', '--otp', '--auth-type', '--init-module', '--editor', '--shell', '--libc', '--cpu', '--os',
  ],
  unknownLongTakesValue: true,
  longBoolean: [
    '--global', '--save', '--save-dev', '--save-optional', '--save-exact', '--save-peer', '--save-bundle', '--no-save', '--production',
    '--no-audit', '--audit', '--no-fund', '--fund', '--legacy-peer-deps', '--force', '--unsafe-perm', '--no-optional', '--ignore-scripts',
    '--no-package-lock', '--package-lock-only', '--dry-run', '--prefer-offline', '--prefer-online', '--offline', '--no-progress',
    '--progress', '--silent', '--quiet', '--verbose', '--no-update-notifier', '--strict-peer-deps', '--foreground-scripts', '--no-bin-links',
    '--install-links', '--global-style', '--no-shrinkwrap', '--yes', '--no-color', '--color', '--json', '--workspaces', '--include-workspace-root',
  ],
};
const YARN: OptionSpec = {
  longValued: ['--cache-folder', '--modules-folder', '--network-timeout', '--mutex', '--cwd', '--registry', '--global-folder', '--link-folder', '--use-yarnrc'],
};
const GEM: OptionSpec = {
  shortValued: 'vinsPgB',
  longValued: ['--version', '--install-dir', '--bindir', '--platform', '--source', '--trust-policy', '--build-root', '--file', '--document', '--target-rbconfig', '--wrappers', '--format-executable'],
};
const GO: OptionSpec = {
  clusters: false,
  singleDashValued: [
    '-ldflags', '-tags', '-mod', '-o', '-gcflags', '-asmflags', '-gccgoflags', '-p', '-pkgdir', '-toolexec', '-compiler', '-buildmode',
    '-installsuffix', '-modfile', '-overlay', '-pgo', '-C', '-exec', '-coverpkg', '-covermode',
  ],
};

const SPECS: Record<Manager, OptionSpec> = {
  'apt-get': APT,
  apt: APT,
  apk: APK,
  yum: YUM,
  dnf: YUM,
  microdnf: YUM,
  zypper: ZYPPER,
  pip: PIP,
  pipx: PIPX,
  npm: NPM,
  yarn: YARN,
  gem: GEM,
  go: GO,
};

export function managerOf(program: string | undefined): Manager | undefined {
  if (!program) return undefined;
  // own keys only: a command named `constructor` is no package manager
  if (Object.prototype.hasOwnProperty.call(SPECS, program)) return program as Manager;
  if (program.startsWith('pip') && /^pip[\d.]*$/.test(program)) return 'pip';
  if (program.includes('dnf') && /^t?dnf\d*$/.test(program)) return 'dnf';
  if (program === 'apt-get' || program === 'apt') return program;
  return undefined;
}

const PYTHON = /^(python|pypy)[\d.]*$/;

/** The package-manager call of a command, or undefined. `python3 -m pip install` is a pip call. */
export function pmCall(cmd: Command): PmCall | undefined {
  let manager = managerOf(cmd.program);
  let args = cmd.args;
  if (!manager && cmd.program && (cmd.program.startsWith('py')) && PYTHON.test(cmd.program)) {
    // python [-I -E -s -u ...] -m pip ...
    let i = 0;
    while (i < args.length && /^-[a-zA-Z]+$/.test(args[i].text) && args[i].text !== '-m' && args[i].text !== '-c') i++;
    if (args[i]?.text === '-m' && args[i + 1]?.text === 'pip') {
      manager = 'pip';
      args = args.slice(i + 2);
    } else return undefined;
  }
  if (!manager) return undefined;
  const parsed = parseOptions(args, SPECS[manager]);
  let operands = parsed.operands;
  let action: string | undefined;
  let actionWord: Word | undefined;
  if (operands.length && operands[0].literal) {
    actionWord = operands[0];
    action = actionWord.text.toLowerCase();
    operands = operands.slice(1);
  }
  return { manager, command: cmd, action, actionWord, options: parsed.options, operands, parsed };
}

export function option(call: PmCall, ...names: string[]): ParsedOption | undefined {
  return call.options.find((o) => names.includes(o.name));
}

const INSTALL_ACTIONS: Record<Manager, readonly string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  apk: ['add'],
  yum: ['install', 'groupinstall', 'localinstall'],
  dnf: ['install', 'in'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
  pip: ['install'],
  pipx: ['install'],
  npm: ['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add'],
  yarn: ['install', 'add'],
  gem: ['install', 'i'],
  go: ['install', 'get', 'run'],
};

export function isInstall(call: PmCall): boolean {
  return !!call.action && INSTALL_ACTIONS[call.manager].includes(call.action);
}

// ---- package classification ----------------------------------------------------------------------------

function looksLikePath(t: string): boolean {
  return t.startsWith('.') || t.startsWith('/') || t.startsWith('~') || t.includes('/') || t.includes('\\');
}

function isUrl(t: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) || /^(git@|github:|gitlab:|bitbucket:|gist:|file:)/.test(t);
}

function hasGlob(t: string): boolean {
  return /[*?[\]{}]/.test(t);
}

function ref(word: Word, status: PackageRef['status'], name = word.text): PackageRef {
  return { word, status, name };
}

/** Packages of an install call, classified. Empty for other actions. */
export function packages(call: PmCall): PackageRef[] {
  if (!isInstall(call)) return [];
  const out: PackageRef[] = [];
  let operands = call.operands;
  if (call.manager === 'gem') {
    // `gem install x -- --with-foo-dir=/opt`: what follows `--` are the gem's build flags
    const dd = call.command.args.findIndex((a) => a.literal && a.text === '--');
    if (dd >= 0) {
      const flags = new Set(call.command.args.slice(dd + 1));
      operands = operands.filter((w) => !flags.has(w));
    }
  } else if (call.manager === 'go' && call.action === 'run') {
    // `go run <package> [arguments]`: only the first operand is a package
    operands = operands.slice(0, 1);
  }
  for (const w of operands) {
    if (call.parsed.doubtful.has(w)) {
      out.push(ref(w, 'unknown'));
      continue;
    }
    out.push(classify(call, w));
  }
  return out;
}

/** The classification of one operand of an install call (exported for words rewritten by a caller). */
export function classify(call: PmCall, w: Word): PackageRef {
  const t = w.text;
  if (!t) return ref(w, 'unknown');
  const dynamic = !w.literal;
  switch (call.manager) {
    case 'apt-get':
    case 'apt': {
      if (t.includes('=')) return ref(w, 'pinned', t.split('=')[0]);
      if (dynamic || looksLikePath(t) || t.endsWith('.deb') || hasGlob(t) || isUrl(t)) return ref(w, 'unknown');
      return ref(w, 'unpinned');
    }
    case 'apk': {
      if (/[=~<>]/.test(t)) return ref(w, 'pinned', t.split(/[=~<>]/)[0]);
      if (dynamic || looksLikePath(t) || t.endsWith('.apk') || hasGlob(t) || isUrl(t)) return ref(w, 'unknown');
      return ref(w, 'unpinned', t.split('@')[0]);
    }
    case 'yum':
    case 'dnf':
    case 'microdnf': {
      if (dynamic || looksLikePath(t) || t.endsWith('.rpm') || hasGlob(t) || isUrl(t) || t.startsWith('@') || /[()]/.test(t)) {
        return ref(w, 'unknown');
      }
      if (/[<>=]/.test(t)) return ref(w, 'pinned', t.split(/[<>=]/)[0]);
      const parts = t.split('-');
      if (parts.length > 1 && parts.slice(1).some((p) => /^\d/.test(p)) && parts.slice(1).every((p) => /^[A-Za-z0-9._~^:+]+$/.test(p))) {
        return ref(w, 'pinned', parts[0]);
      }
      return ref(w, 'unpinned');
    }
    case 'zypper': {
      if (/[<>=]/.test(t)) return ref(w, 'pinned', t.split(/[<>=]/)[0]);
      if (dynamic || looksLikePath(t) || t.endsWith('.rpm') || hasGlob(t) || isUrl(t) || t.includes(':')) return ref(w, 'unknown');
      return ref(w, 'unpinned');
    }
    case 'pip':
    case 'pipx': {
      if (/(===|==|>=|<=|~=|!=|<|>)/.test(t) || /\s@\s/.test(t) || /^[A-Za-z0-9._-]+(\[[^\]]*\])?\s*@/.test(t)) {
        return ref(w, 'pinned', t.split(/[=<>~!@\s[]/)[0]);
      }
      if (!dynamic && /^(git|hg|svn|bzr)\+[a-z]+:\/\//.test(t)) {
        // a VCS URL follows the default branch unless `@<tag or commit>` ends its path (an `@` before the host is a user)
        const rest = t.replace(/^[a-z+]+:\/\//, '').split('#')[0];
        const slash = rest.indexOf('/');
        return ref(w, slash >= 0 && rest.slice(slash).includes('@') ? 'pinned' : 'unpinned', t);
      }
      if (dynamic || looksLikePath(t) || isUrl(t) || /^(git|hg|svn|bzr)\+/.test(t) || /\.(whl|zip|tar\.gz|tgz|tar\.bz2|tar\.xz|egg)$/i.test(t)) {
        return ref(w, 'unknown');
      }
      if (t.includes(';') || hasGlob(t.replace(/\[[^\]]*\]/, ''))) return ref(w, 'unknown');
      return ref(w, 'unpinned', t.split('[')[0]);
    }
    case 'npm':
    case 'yarn': {
      if (dynamic && !t.slice(1).includes('@')) return ref(w, 'unknown');
      // a git URL follows its default branch unless a commit-ish (`#<commit>`, `#semver:<range>`) is given
      if (call.manager === 'npm' && /^git(\+(ssh|https?))?:\/\//.test(t)) return ref(w, t.includes('#') ? 'pinned' : 'unpinned', t);
      if (isUrl(t) || /\.(tgz|tar\.gz|tar)$/.test(t) || t.startsWith('.') || t.startsWith('/') || t.startsWith('~')) return ref(w, 'unknown');
      const scoped = t.startsWith('@');
      const rest = scoped ? t.slice(t.indexOf('/') + 1) : t;
      if (!scoped && rest.includes('/')) return ref(w, 'unknown'); // user/repo shorthand or a folder
      const at = rest.indexOf('@');
      if (at < 0) return ref(w, 'unpinned');
      const name = scoped ? t.slice(0, t.indexOf('/') + 1 + at) : rest.slice(0, at);
      const version = rest.slice(at + 1);
      if (/^(latest|next|\*|x)?$/i.test(version)) return ref(w, 'unpinned', name);
      return ref(w, 'pinned', name);
    }
    case 'gem': {
      if (dynamic || looksLikePath(t) || t.endsWith('.gem') || isUrl(t)) return ref(w, 'unknown');
      if (t.includes(':')) return ref(w, 'pinned', t.split(':')[0]);
      return ref(w, 'unpinned');
    }
    case 'go': {
      const at = t.lastIndexOf('@');
      const path = at >= 0 ? t.slice(0, at) : t;
      const version = at >= 0 ? t.slice(at + 1) : '';
      if (at >= 0 && !/^(latest|master|main|head|upgrade|patch)$/i.test(version) && version) return ref(w, 'pinned', path);
      if (dynamic || t.endsWith('.go')) return ref(w, 'unknown');
      // only remote module paths (first element has a dot: github.com/...) can be pinned; ./cmd, std, cmd/... are local
      const first = path.split('/')[0];
      if (!first.includes('.') || path.startsWith('.') || path.startsWith('/') || hasGlob(path)) return ref(w, 'unknown');
      return ref(w, 'unpinned', path);
    }
  }
}
