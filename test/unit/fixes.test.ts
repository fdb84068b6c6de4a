/** The core's fix-all: merging edits that agree, deferring fixes that collide, rounds, and the CLI's --fix. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { engineReady, ROOT, DIST } from '../helpers/setup';
import { nodeEnv } from '../../src/node/host';
import { applyFixes, defaultConfig, mergeConfig, diffEdit, editsConflict, fixAll, fixText, lint, planFixes, type Finding, type Fix, type TextEdit } from '../../src/core/index';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const edit = (l1: number, c1: number, l2: number, c2: number, newText: string): TextEdit => ({ range: r(l1, c1, l2, c2), newText });
const finding = (code: string, line: number, ...fixes: Fix[]): Finding => ({ code, name: code, severity: 'warning', message: '', range: r(line, 0, line, 1), fixes });
const safe = (...edits: TextEdit[]): Fix => ({ title: 't', safe: true, edits });

function noOverlaps(edits: TextEdit[]): void {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) assert.ok(!editsConflict(edits[i], edits[j]), `overlap: ${JSON.stringify(edits[i])} / ${JSON.stringify(edits[j])}`);
  }
}

describe('fix-all', () => {
  before(engineReady);

  it('tells which edits touch the same text', () => {
    assert.ok(editsConflict(edit(0, 0, 0, 5, 'a'), edit(0, 4, 0, 8, 'b')), 'shared characters');
    assert.ok(!editsConflict(edit(0, 0, 0, 5, 'a'), edit(0, 5, 0, 8, 'b')), 'end meets start');
    assert.ok(editsConflict(edit(0, 3, 0, 3, 'x'), edit(0, 3, 0, 3, 'y')), 'two insertions at one point');
    assert.ok(editsConflict(edit(0, 5, 0, 5, 'x'), edit(0, 0, 0, 5, 'b')), 'an insertion at the end of a replacement');
    assert.ok(!editsConflict(edit(1, 0, 1, 0, 'x'), edit(0, 0, 0, 5, 'b')));
    assert.ok(editsConflict(edit(0, 2, 2, 0, ''), edit(1, 0, 1, 3, 'z')), 'multi-line');
  });

  it('merges identical edits of different findings and defers a fix that collides, whole', () => {
    const shared = [edit(1, 0, 1, 5, 'NEW'), edit(2, 0, 3, 0, '')];
    const plan = planFixes([
      finding('A', 1, safe(...shared)),
      finding('A', 2, safe(...shared.map((e) => ({ ...e })))),
      // touches line 1 differently, and has a second edit elsewhere that must not be applied alone
      finding('B', 1, safe(edit(5, 0, 5, 0, 'x'), edit(1, 2, 1, 3, 'Q'))),
      finding('C', 4, { title: 'u', safe: false, edits: [edit(4, 0, 4, 1, 'U')] }),
    ]);
    assert.equal(plan.merged, 1);
    assert.deepEqual(plan.fixed.map((f) => f.code), ['A', 'A']);
    assert.deepEqual(plan.deferred.map((f) => f.code), ['B']);
    assert.deepEqual(plan.edits, shared, 'the unsafe fix is left out, the deferred one entirely');
    noOverlaps(plan.edits);
    assert.deepEqual(fixAll([finding('C', 4, { title: 'u', safe: false, edits: [edit(4, 0, 4, 1, 'U')] })], { unsafe: true }).length, 1);
  });

  it('examples/my.cnf (target mysql-8.4): the two redo-log options become one innodb_redo_log_capacity line, without overlapping edits', () => {
    const path = join(ROOT, 'examples', 'my.cnf');
    const text = readFileSync(path, 'utf8');
    const env = nodeEnv(path, { root: join(ROOT, 'examples') });
    // without its target line, MySQL 8.4 is only assumed and the version-dependent rewrites are unsafe: nothing to do
    const unstated = text.replace(/^# devops-guidance target=mysql-8\.4\n/m, '');
    assert.notEqual(unstated, text, 'the example states its target');
    assert.equal(fixText(unstated, 'mycnf', defaultConfig(), env).changed, false);
    assert.equal(fixText(unstated, 'mycnf', mergeConfig(defaultConfig(), { mysql: { target: 'mysql-8.4' } }), env).changed, true, 'a configured target states it too');
    const config = defaultConfig();
    const edits = fixAll(lint(text, 'mycnf', config, env));
    noOverlaps(edits);
    assert.equal(applyFixes(text, edits).skipped.length, 0);
    const out = fixText(text, 'mycnf', config, env);
    assert.equal(out.merged, 1, 'the second redo-log finding shares the first one’s edits');
    assert.equal(out.remaining, 0);
    assert.equal(out.text.match(/^innodb_redo_log_capacity = 16G$/gm)?.length, 1, out.text);
    assert.doesNotMatch(out.text, /innodb_log_file/);
    for (const round of out.rounds) noOverlaps(round.edits);
  });

  it('runs rounds until nothing is left: a fix that needs the text of another is applied in the next round', () => {
    const text = 'FROM debian:12.8\nCMD node a.js\nCMD ["node", "b.js"]\n';
    const out = fixText(text, 'dockerfile', defaultConfig(), {}, { codes: ['DL4003'] });
    assert.equal(out.text, 'FROM debian:12.8\nCMD ["node", "b.js"]\n');
    assert.equal(out.rounds.length, 1);
    assert.equal(fixText(out.text, 'dockerfile').changed, false, 'a fixed point');
  });

  it('diffEdit turns a fix-all result into one edit that reproduces it', () => {
    for (const [a, b] of [
      ['abc\ndef\n', 'abc\nxyz\n'],
      ['a\r\nb\r\n', 'a\nb\r\n'],
      ['same', 'same'],
      ['x😀y', 'x😁y'],
      ['', 'new'],
    ]) {
      const e = diffEdit(a, b);
      if (a === b) assert.equal(e, undefined);
      else assert.equal(applyFixes(a, [e!]).text, b);
    }
    const crlf = diffEdit('a\r\nb', 'a\nb')!;
    assert.equal(crlf.range.start.character, 1, 'the \\r\\n pair is replaced whole');
  });

  it('CLI --fix writes the safe fixes, reports the count, and refuses stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-fix-'));
    const file = join(dir, 'my.cnf');
    writeFileSync(file, '# devops-guidance target=mysql-8.4\n[mysqld]\ninnodb_log_file_size = 1G\ninnodb_log_files_in_group = 2\nlog_slave_updates = ON\nbinlog_format = MIXED\n');
    const cli = (args: string[], input?: string) => spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8', input });
    const res = cli(['lint', '--fix', file]);
    assert.match(res.stderr, /3 fixes applied in 1 file/, res.stderr + res.stdout);
    assert.equal(
      readFileSync(file, 'utf8'),
      '# devops-guidance target=mysql-8.4\n[mysqld]\ninnodb_redo_log_capacity = 2G\nlog_replica_updates = ON\nbinlog_format = MIXED\n',
      'binlog_format has only an unsafe fix and stays',
    );
    assert.match(res.stdout, /MYC031|MYC022/, 'what is left is reported');
    const again = cli(['lint', '--fix', file]);
    assert.match(again.stderr, /0 fixes applied in 0 files/);
    const stdin = cli(['lint', '--fix', '--kind', 'mycnf', '-'], '[mysqld]\n');
    assert.equal(stdin.status, 2);
    assert.match(stdin.stderr, /cannot fix stdin/);
  });
});
