/**
 * The platform of each stage: what its base image is (Windows, a BusyBox userland such as Alpine, an image with no
 * shell such as scratch or distroless, or an ordinary Linux distribution) so rules can keep Linux-only or GNU-only
 * advice away from images where it does not hold. Computed once per model and shared by every rule (and by the shell
 * analysis, which picks cmd for Windows stages and no shell for shell-less ones).
 *
 * Evidence, strongest first: `FROM --platform=windows/...` or `linux/...`; the base image (resolved with the global
 * ARG defaults): Microsoft's Windows images (`mcr.microsoft.com/windows/servercore`, `nanoserver`, tags such as
 * `8.0-nanoserver-ltsc2022` or `4.8-windowsservercore-ltsc2019`), `scratch`, distroless images (no shell unless a
 * `:debug` tag, which has BusyBox), `alpine`/`busybox` and `*-alpine` tags; an earlier stage of this file (`FROM build`)
 * passes its platform on. When the image says nothing, Windows-only hints in the stage decide: `SHELL ["powershell"…]`
 * or `["cmd"…]`, a drive-letter path in WORKDIR or a COPY/ADD destination, or the file's `# escape=`` directive (the
 * convention of Windows Dockerfiles).
 */
import type { Instruction } from './syntax';
import { cached, type DockerfileModel, type Stage } from './model';
import { analysis } from './analysis';
import { argsSpan, execForm, flagsOf } from './instructions';
import { UNKNOWN } from './variables';

export type PlatformKind =
  /** A Windows image: cmd or PowerShell, ContainerUser/ContainerAdministrator, `C:\` paths. */
  | 'windows'
  /** A Linux image whose tools are BusyBox applets (Alpine, BusyBox, distroless `:debug`). */
  | 'busybox'
  /** `FROM scratch`: no files, no shell. */
  | 'scratch'
  /** A distroless-style image: no shell, no package manager. */
  | 'distroless'
  /** Another Linux image (Debian, Ubuntu, Fedora, ...), or one this file cannot see into: Linux is assumed. */
  | 'linux';

export interface StagePlatform {
  kind: PlatformKind;
  /** Windows (`windows`), or a Linux image (every other kind). */
  os: 'windows' | 'linux';
  /** The image has no /bin/sh (scratch, distroless): shell-form RUN/CMD/ENTRYPOINT cannot run unless SHELL names one. */
  noShell: boolean;
  /** The platform is known from evidence (image, --platform, hints), not assumed. */
  known: boolean;
  /** Why, in a few words (`the base image mcr.microsoft.com/windows/nanoserver`). */
  reason: string;
}

const ASSUMED: StagePlatform = { kind: 'linux', os: 'linux', noShell: false, known: false, reason: 'assumed Linux' };

function platform(kind: PlatformKind, reason: string): StagePlatform {
  return { kind, os: kind === 'windows' ? 'windows' : 'linux', noShell: kind === 'scratch' || kind === 'distroless', known: true, reason };
}

/** What an image reference (lower-cased, variables expanded) says about its platform, or undefined. */
export function imagePlatform(image: string): PlatformKind | undefined {
  const raw = image.toLowerCase().replace(/@.*$/, '');
  if (!raw || raw.startsWith(UNKNOWN)) return undefined;
  if (raw === 'scratch') return 'scratch';
  const at = raw.lastIndexOf(':');
  const slash = raw.lastIndexOf('/');
  const name = at > slash ? raw.slice(0, at) : raw;
  const tag = at > slash ? raw.slice(at + 1) : '';
  const last = name.slice(name.lastIndexOf('/') + 1);
  if (
    /(^|\/)windows(\/|$)|(^|\/)(nanoserver|servercore|windowsservercore|windows-?server)(\/|$)|^microsoft\/(iis|aspnet|dotnet-framework)$|(^|\/)dotnet\/framework(\/|$)/.test(name) ||
    /(^|[-_.])(nanoserver|windowsservercore|servercore)([-_.]|$)|(^|[-_.])ltsc20\d\d([-_.]|$)/.test(tag)
  ) {
    return 'windows';
  }
  if (/(^|\/)distroless(\/|$)/.test(name) || /^cgr\.dev\/chainguard\/static$/.test(name)) {
    if (/(^|[-_.])debug([-_.]|$)/.test(tag)) return 'busybox';
    if (name.includes(UNKNOWN) || tag.includes(UNKNOWN)) return undefined;
    return 'distroless';
  }
  if (last === 'alpine' || last === 'busybox' || /(^|[-_.])alpine(\d[\d.]*)?([-_.]|$)/.test(tag)) return 'busybox';
  if (LINUX_ONLY.test(name) || LINUX_TAG.test(tag)) return 'linux';
  return undefined;
}

/** Images that exist only for Linux (distributions and their registries). */
const LINUX_ONLY =
  /(^|\/)(debian|ubuntu|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|archlinux|photon|clearlinux|gentoo\/stage3|opensuse\/[a-z]+|sles|ubi\d*(-[a-z]+)?|ubi\d+\/[a-z0-9-]+|kalilinux\/[a-z-]+|parrotsec\/[a-z-]+|wolfi-base)$|^(registry\.access\.redhat\.com|registry\.redhat\.io|quay\.io\/centos|registry\.fedoraproject\.org|registry\.suse\.com)\//;
/** Tags naming a Linux distribution release (`3.12-slim-bookworm`, `22.04`, `jammy`, `ubi9`). */
const LINUX_TAG = /(^|[-_.])(slim|bookworm|bullseye|buster|stretch|jessie|trixie|sid|jammy|noble|focal|bionic|xenial|ubi\d*|el\d|centos\d*|rocky\d*|fedora\d*|amazonlinux\d*|al20\d\d|cbl-mariner[\d.]*|azurelinux[\d.]*|chiseled|noble-chiseled|jammy-chiseled)([-_.]|$)/;

/** Windows hints inside a stage: SHELL with cmd or Windows PowerShell, a drive-letter path in WORKDIR or a COPY/ADD destination. */
function windowsHint(m: DockerfileModel, ins: Instruction): string | undefined {
  const kw = ins.getKeyword();
  if (kw === 'SHELL') {
    const x = execForm(m, ins);
    const first = x && x !== 'invalid' ? x.values[0] : undefined;
    const prog = (first ?? '').replace(/\\/g, '/').split('/').pop()?.toLowerCase().replace(/\.exe$/, '');
    if (prog === 'cmd' || prog === 'powershell') return `SHELL ["${first}", …]`;
    return undefined;
  }
  if (kw === 'WORKDIR' || kw === 'COPY' || kw === 'ADD') {
    const span = argsSpan(m, ins);
    if (!span) return undefined;
    const parts = span.text.trim().split(/\s+/);
    const dest = kw === 'WORKDIR' ? span.text.trim() : parts[parts.length - 1];
    if (/^["']?[A-Za-z]:[\\/]/.test(dest ?? '')) return `a Windows path in ${kw}`;
  }
  return undefined;
}

/** Linux commands or paths in a RUN: package managers, user and file tools, FHS paths. */
const LINUX_RUN = /(^|[\s;&|(])(apt-get|apt|apk|yum|dnf|microdnf|zypper|pacman|useradd|groupadd|adduser|addgroup|chmod|chown|ln|ls|rm|sed|grep|mkdir\s+-p|tar|make|\.\/configure)(\s|$)|(^|[\s='"])\/(usr|etc|var|opt|tmp|bin|sbin|lib|home|root)\//;

function linuxRun(m: DockerfileModel, ins: Instruction): boolean {
  if (ins.getKeyword() !== 'RUN') return false;
  const span = argsSpan(m, ins);
  return !!span && LINUX_RUN.test(span.text);
}

function compute(m: DockerfileModel): Map<Stage, StagePlatform> {
  const out = new Map<Stage, StagePlatform>();
  const a = analysis(m);
  const backtick = m.escapeChar === '`';
  for (const stage of m.stages) {
    let p: StagePlatform | undefined;
    const flag = flagsOf(stage.from).find((f) => f.getName() === 'platform')?.getValue()?.toLowerCase();
    if (stage.parent) p = out.get(stage.parent);
    if (!p && flag && !flag.includes('$')) {
      if (flag.startsWith('windows')) p = platform('windows', `--platform=${flag}`);
    }
    if (!p) {
      const base = a.base.get(stage);
      const image = base?.stage ? undefined : base?.expansion.value;
      const kind = image !== undefined ? imagePlatform(image) : undefined;
      if (kind === 'linux') p = { ...ASSUMED, known: true, reason: `the base image ${image}` };
      else if (kind) p = platform(kind, kind === 'scratch' ? 'FROM scratch' : `the base image ${image}`);
      // distroless :debug images carry BusyBox under /busybox, but still no /bin/sh
      if (p && kind === 'busybox' && /(^|\/)distroless(\/|$)/.test(image!.toLowerCase())) p = { ...p, noShell: true };
      else if (base?.stage) p = out.get(base.stage);
    }
    if (!p && flag && flag.startsWith('linux')) p = { ...ASSUMED, known: true, reason: `--platform=${flag}` };
    if (!p) {
      for (const ins of stage.instructions) {
        const hint = windowsHint(m, ins);
        if (hint) {
          p = platform('windows', hint);
          break;
        }
      }
    }
    // the escape directive is a weak hint: a stage whose RUNs are plainly Linux (apt-get, chmod, /etc/...) stays Linux
    if (!p && backtick && !stage.instructions.some((i) => linuxRun(m, i))) p = platform('windows', 'the escape=` directive of Windows Dockerfiles');
    out.set(stage, p ?? ASSUMED);
  }
  return out;
}

/** The platform of a stage (Linux assumed when nothing says otherwise). */
export function stagePlatform(m: DockerfileModel, stage: Stage | undefined): StagePlatform {
  if (!stage) return ASSUMED;
  return cached(m, 'platform', () => compute(m)).get(stage) ?? ASSUMED;
}

/** The platform of the stage an instruction belongs to. */
export function platformAt(m: DockerfileModel, ins: Instruction): StagePlatform {
  const i = m.indexOf.get(ins);
  return stagePlatform(m, i === undefined ? undefined : m.stageOfIndex[i]);
}
