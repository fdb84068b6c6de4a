import type { Kind } from './finding';
import { BY_FILE_NAME, LANGUAGES } from './languages/index';
import { untemplatedName } from './template/read';

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * Which kind a file is, from its name and the editor's language id when there is one (undefined: not ours).
 * A language id a kind owns decides; else the file name, tried against each kind's names (Language.matchesFileName)
 * in BY_FILE_NAME order; a document whose language id belongs to a kind that does not own it (a Ruby file not named
 * like a Vagrantfile) is not ours.
 */
export function kindOf(path: string, languageId?: string): Kind | undefined {
  const name = baseName(path);
  if (languageId) {
    for (const k of BY_FILE_NAME) if (LANGUAGES[k].ownsEditorLanguage && LANGUAGES[k].editorLanguage === languageId) return k;
  }
  for (const k of BY_FILE_NAME) {
    const lang = LANGUAGES[k];
    if (lang.matchesFileName(name)) return k;
    if (languageId && lang.editorLanguage === languageId) return undefined;
  }
  // a template of a file we know: my.cnf.j2, mysqld.cnf.erb, Dockerfile.template, Containerfile.in (src/core/template)
  const plain = untemplatedName(name);
  if (plain) for (const k of BY_FILE_NAME) if (LANGUAGES[k].matchesFileName(plain)) return k;
  return undefined;
}
