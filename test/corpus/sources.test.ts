/**
 * Provenance of the vendored real files (test/corpus/files and test/corpus/templates): every file has one SOURCES.tsv
 * row naming its repository, path, commit and a licence that allows redistribution (the rule of
 * test/corpus/files/README.md), every row has its file, and every source has its licence text under LICENSES/.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/setup';

/** Licences whose files may be redistributed here (permissive, or copyleft with the notice kept). */
const ALLOWED = new Set([
  'MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', 'CC0-1.0', 'Unlicense',
  'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'LGPL-2.1-only', 'LGPL-2.1-or-later',
  'LGPL-3.0-only', 'AGPL-3.0-only',
]);
/** Documentation files of a corpus folder, not corpus files. */
const DOCS = new Set(['SOURCES.tsv', 'FEATURES.tsv', 'LARGE.txt', 'README.md']);

interface Row { file: string; repo: string; path: string; commit: string; licence: string }

function readSources(dir: string): Row[] {
  const [head, ...lines] = readFileSync(join(dir, 'SOURCES.tsv'), 'utf8').split('\n').filter((l) => l.length);
  assert.deepEqual(head.split('\t').slice(0, 5), ['file', 'repo', 'path', 'commit', 'licence'], `${dir}/SOURCES.tsv header`);
  return lines.map((l) => {
    const [file, repo, path, commit, licence] = l.split('\t');
    return { file, repo, path, commit, licence };
  });
}

function licenceText(base: string, repo: string): string {
  return repo.startsWith('debian-package:') ? join(base, 'LICENSES', 'debian__mariadb-10.11.txt') : join(base, 'LICENSES', `${repo.replace('/', '__')}.txt`);
}

const AREAS: Array<{ base: string; kinds: string[] }> = [
  { base: join(ROOT, 'test', 'corpus', 'files'), kinds: ['dockerfile', 'mycnf', 'vagrantfile'] },
  { base: join(ROOT, 'test', 'corpus', 'templates'), kinds: ['dockerfile', 'mycnf'] },
];

describe('corpus provenance (SOURCES.tsv, licences)', () => {
  for (const { base, kinds } of AREAS) {
    for (const kind of kinds) {
      const dir = join(base, kind);
      const where = `${base.slice(ROOT.length + 1)}/${kind}`;
      it(`${where}: one row per file, a redistributable licence for each, its licence text in LICENSES/`, () => {
        assert.ok(existsSync(dir), `missing ${dir}`);
        const rows = readSources(dir);
        const files = readdirSync(dir).filter((f) => !DOCS.has(f)).sort();
        assert.ok(files.length > 0, `no files in ${where}`);
        assert.deepEqual(rows.map((r) => r.file).sort(), files, 'files and SOURCES.tsv rows differ');
        const problems: string[] = [];
        for (const r of rows) {
          if (!ALLOWED.has(r.licence)) problems.push(`${r.file}: licence ${JSON.stringify(r.licence)} is not on the allowed list`);
          if (!r.repo || !r.path) problems.push(`${r.file}: no repository or path`);
          if (!r.repo.startsWith('debian-package:') && !/^[0-9a-f]{40}$/.test(r.commit)) problems.push(`${r.file}: commit ${r.commit} is not a full hash`);
          if (!existsSync(licenceText(base, r.repo))) problems.push(`${r.file}: no licence text for ${r.repo}`);
        }
        assert.deepEqual(problems, []);
      });
    }
  }

  it('files/dockerfile: FEATURES.tsv has one row per file, LARGE.txt lists exactly the files of 300 lines or more', () => {
    const dir = join(ROOT, 'test', 'corpus', 'files', 'dockerfile');
    const files = readSources(dir).map((r) => r.file).sort();
    const features = readFileSync(join(dir, 'FEATURES.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')[0]);
    assert.deepEqual([...features].sort(), files);
    const large = readFileSync(join(dir, 'LARGE.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[2]);
    const big = files.filter((f) => readFileSync(join(dir, f), 'utf8').split('\n').length > 300);
    assert.deepEqual([...large].sort(), big);
  });
});
