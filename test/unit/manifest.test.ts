/** The manifest, the README and the adapter agree with each other (vscode-markdownlint's metadata tests, in spirit). */
import { MYSQL_TARGETS } from '../../src/core/mycnf/targets';
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/setup';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const extensionSource = ['extension.ts', 'commands.ts'].map((f) => readFileSync(join(ROOT, 'src/vscode', f), 'utf8')).join('\n');

describe('manifest', () => {
  it('pins the VS Code engine and types for code-server 1.100', () => {
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /^~1\.100\./);
  });

  it('registers exactly the commands it contributes', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...extensionSource.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, contributed);
    assert.deepEqual(contributed, ['devopsGuidance.explainRule', 'devopsGuidance.lintWorkspace', 'devopsGuidance.lookupTopic']);
  });

  it('activates on the three kinds', () => {
    for (const e of ['onLanguage:dockerfile', 'onLanguage:mycnf', 'onLanguage:ruby']) assert.ok(pkg.activationEvents.includes(e), e);
  });

  it('contributes the mycnf language with a grammar that parses, and snippets that exist', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'mycnf');
    assert.deepEqual(lang.filenames, ['my.cnf', '.my.cnf', 'my.ini']);
    // not every *.cnf is an option file (OpenSSL, Kerberos): the mode comes from the folder or, in the extension,
    // from the content (src/vscode/mycnf.ts), never from the extension alone
    assert.equal(lang.extensions, undefined);
    assert.ok(lang.filenamePatterns.includes('**/mariadb.conf.d/*.cnf') && lang.filenamePatterns.includes('**/mysql.conf.d/*.cnf'));
    assert.match('[mysqld]', new RegExp(lang.firstLine));
    assert.doesNotMatch('[ req ]', new RegExp(lang.firstLine));
    const target = pkg.contributes.configuration.properties['devopsGuidance.mysql.target'];
    assert.equal(target.default, 'auto');
    assert.deepEqual(target.enum, ['auto', ...MYSQL_TARGETS]);
    for (const g of pkg.contributes.grammars) JSON.parse(readFileSync(join(ROOT, g.path), 'utf8'));
    JSON.parse(readFileSync(join(ROOT, lang.configuration), 'utf8'));
    for (const s of pkg.contributes.snippets) assert.ok(existsSync(join(ROOT, s.path)), `missing ${s.path}`);
    // option-file snippets are whole files: the extension offers them itself, only where a file can start
    assert.deepEqual(pkg.contributes.snippets.map((s: { language: string }) => s.language).sort(), ['dockerfile', 'ruby']);
    assert.ok(existsSync(join(ROOT, 'snippets/mycnf.json')));
  });

  it('documents every setting it reads', () => {
    const props = Object.keys(pkg.contributes.configuration.properties);
    const settingsSource = readFileSync(join(ROOT, 'src/vscode/settings.ts'), 'utf8');
    const read = [...settingsSource.matchAll(/(?:get|inspect|explicit)<(?:[^<>]|<[^<>]*>)+>\('([^']+)'/g)].map((m) => `devopsGuidance.${m[1]}`);
    for (const r of read) assert.ok(props.includes(r), `${r} is read but not contributed`);
    for (const p of props) assert.ok(read.includes(p), `${p} is contributed but never read`);
  });

  it('keeps the README honest: its two commands exist, CI runs the test one, the rule list is current', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /npm run demo/);
    assert.match(readme, /npm run test:full/);
    assert.ok(pkg.scripts.demo && pkg.scripts['test:full']);
    assert.match(readFileSync(join(ROOT, '.ci/run'), 'utf8'), /^npm run test:full$/m);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/gen-readme.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('keeps docs/hadolint-compatibility.md current: every DL rule with its status (same as hadolint, or how it differs)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/gen-hadolint-page.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const page = readFileSync(join(ROOT, 'docs/hadolint-compatibility.md'), 'utf8');
    for (const code of ['DL3002', 'DL3042', 'DL3059', 'DL3061']) assert.match(page, new RegExp(`^\\| ${code} \\|`, 'm'), code);
  });
});
