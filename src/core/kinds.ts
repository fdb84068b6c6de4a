import type { Kind } from './finding';

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * Which kind a file is, from its name (and the editor's language id when there is one). Undefined: not ours.
 * Dockerfile: Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile, *.dockerfile.
 * Vagrantfile: Vagrantfile (any case of the first letter), *.Vagrantfile, and the templates Vagrantfile.erb and
 * *.Vagrantfile.erb (read with their ERB tags masked).
 * Option files: my.cnf, .my.cnf, my.ini, *.cnf.
 */
export function kindOf(path: string, languageId?: string): Kind | undefined {
  const name = baseName(path);
  const lower = name.toLowerCase();
  if (languageId === 'mycnf') return 'mycnf';
  if (languageId === 'dockerfile') return 'dockerfile';
  if (/^vagrantfile(?:\.erb)?$/i.test(name) || /\.vagrantfile(?:\.erb)?$/i.test(name)) return 'vagrantfile';
  if (languageId === 'ruby') return undefined;
  if (lower === 'dockerfile' || lower === 'containerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') || lower.startsWith('containerfile.')) return 'dockerfile';
  if (lower === 'my.cnf' || lower === '.my.cnf' || lower === 'my.ini' || lower.endsWith('.cnf')) return 'mycnf';
  return undefined;
}
