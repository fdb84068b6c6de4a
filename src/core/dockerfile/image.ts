/**
 * Image references as Docker reads them: `[registry[:port]/]path[:tag][@digest]`. Works on expanded values that may
 * contain UNKNOWN characters (from ARGs without a knowable value): a part that holds one is reported as unknown.
 */
import { UNKNOWN } from './variables';

export interface Part {
  text: string;
  /** Offsets in the parsed string. */
  start: number;
  end: number;
  /** The part holds an unknown piece. */
  unknown: boolean;
}

export interface ImageRef {
  /** The registry host, when the first component names one (has `.` or `:`, or is `localhost`). */
  registry?: Part;
  /** The repository path without registry, tag and digest (`library/alpine` is written `alpine`). */
  repository: Part;
  tag?: Part;
  digest?: Part;
  /**
   * Whether a tag or digest could hide in an unknown piece: true when the last path component (or what follows it)
   * contains an unknown piece and no `:`/`@` was seen. Rules that flag a missing tag must stay silent then.
   */
  tagUnknown: boolean;
  /** The whole reference holds an unknown piece somewhere. */
  unknown: boolean;
}

function part(s: string, start: number, end: number): Part {
  const text = s.slice(start, end);
  return { text, start, end, unknown: text.includes(UNKNOWN) };
}

/** Parses an image reference; undefined for an empty string. */
export function parseImageRef(s: string): ImageRef | undefined {
  if (!s) return undefined;
  const at = s.indexOf('@');
  const nameEnd = at >= 0 ? at : s.length;
  const digest = at >= 0 ? part(s, at + 1, s.length) : undefined;
  const slash = s.lastIndexOf('/', nameEnd - 1);
  const colon = s.indexOf(':', slash + 1);
  const tag = colon >= 0 && colon < nameEnd ? part(s, colon + 1, nameEnd) : undefined;
  const repoEnd = tag ? colon : nameEnd;
  let repoStart = 0;
  let registry: Part | undefined;
  const firstSlash = s.indexOf('/');
  if (firstSlash >= 0 && firstSlash < repoEnd) {
    const first = s.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.includes(UNKNOWN)) {
      registry = part(s, 0, firstSlash);
      repoStart = firstSlash + 1;
    }
  }
  const repository = part(s, repoStart, repoEnd);
  const lastComponent = s.slice(slash + 1, nameEnd);
  const tagUnknown = !tag && !digest && lastComponent.includes(UNKNOWN);
  return { registry, repository, tag, digest, tagUnknown, unknown: s.includes(UNKNOWN) };
}

/** Docker Hub's names for itself. */
export const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];

/** The registry an image is pulled from (`docker.io` when none is written). */
export function registryOf(ref: ImageRef): string {
  return ref.registry ? ref.registry.text.toLowerCase() : 'docker.io';
}

/** The reference normalised the way `docker pull` shows it (`docker.io/library/alpine:latest`). */
export function normalizedName(ref: ImageRef): string {
  const reg = registryOf(ref);
  let repo = ref.repository.text;
  if (DOCKER_HUB.includes(reg) && !repo.includes('/')) repo = `library/${repo}`;
  const hub = DOCKER_HUB.includes(reg) ? 'docker.io' : reg;
  return `${hub}/${repo}${ref.tag ? `:${ref.tag.text}` : ref.digest ? '' : ':latest'}${ref.digest ? `@${ref.digest.text}` : ''}`;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?))*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;

/** Why a fully known reference is invalid (Docker's reference grammar), or undefined when it is valid. */
export function invalidReference(s: string): string | undefined {
  if (!s) return 'the image name is empty';
  if (s.includes(UNKNOWN)) return undefined;
  const ref = parseImageRef(s);
  if (!ref) return 'the image name is empty';
  if (ref.registry && !HOST.test(ref.registry.text)) return `"${ref.registry.text}" is not a valid registry host`;
  if (!ref.repository.text) return 'the repository name is empty';
  for (const c of ref.repository.text.split('/')) {
    if (!COMPONENT.test(c)) return /[A-Z]/.test(c) ? 'repository names must be lowercase' : `"${c}" is not a valid repository name component`;
  }
  if (ref.tag && !TAG.test(ref.tag.text)) return ref.tag.text ? `"${ref.tag.text}" is not a valid tag` : 'the tag is empty';
  if (ref.digest && !DIGEST.test(ref.digest.text)) return `"${ref.digest.text}" is not a valid digest`;
  return undefined;
}
