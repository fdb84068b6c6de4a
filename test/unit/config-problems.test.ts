import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { problemsOf, unknownRuleMessage } from '../../src/vscode/configProblems';
import { parseConfigPartially } from '../../src/core/index';

/** The editor's view of a project config file: every problem at once, each at its key, unknown rules with a suggestion. */
describe('config file problems (editor)', () => {
  before(engineReady);

  it('reports every schema error and unknown rule at its line and column', () => {
    const text = ['rules:', '  DL3007: error', '  DL3070: off', '  image-tag-latst: warning', '  StageNameCasing: off', '  DL3008: loud', 'mysql:', '  target: mysql-9.9', 'colour: red', ''].join('\n');
    const ps = problemsOf(text, false).map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
    assert.deepEqual(ps.length, 5, ps.join('\n'));
    assert.match(ps[0], /^2:2 warning rules: unknown rule "DL3070" — did you mean .*"DL3007"/);
    assert.match(ps[1], /^3:2 warning rules: unknown rule "image-tag-latst" — did you mean "image-tag-latest"\?$/);
    assert.match(ps[2], /^5:10 error rules\.DL3008: /);
    assert.match(ps[3], /^7:10 error mysql\.target: /);
    assert.match(ps[4], /^8:0 error colour: unknown key$/);
  });

  it('reports YAML syntax errors with their position, and nothing for a good file', () => {
    const bad = problemsOf('rules:\n  DL3007: [error\n', false);
    assert.ok(bad.length >= 1 && bad.every((p) => p.severity === 'error' && /invalid YAML/.test(p.message)), JSON.stringify(bad));
    assert.deepEqual(problemsOf('rules:\n  DL3007: error\n  JSONArgsRecommended: off\n  CKV_DOCKER_2: off\n  SC2086: off\n', false), []);
  });

  it('checks the codes of .hadolint.yaml lists', () => {
    const ps = problemsOf('ignored:\n  - DL3007\n  - DL9999\noverride:\n  error:\n    - DL300\n', true);
    assert.deepEqual(ps.map((p) => [p.line, p.column, p.severity]), [[2, 4, 'warning'], [5, 6, 'warning']]);
    assert.equal(unknownRuleMessage('dl3007'), undefined, 'codes are case-insensitive');
  });

  it('one bad key does not drop the rest of the project file: every problem is reported, the valid keys apply', () => {
    const text = 'rules:\n  DL3007: error\n  DL3008: loud\nmysql:\n  target: mysql-9.9\ncolour: red\ndockerfile:\n  trustedRegistries: [registry.example.com]\n';
    const { config, errors } = parseConfigPartially(text, '/p/.devops-guidance.yaml');
    assert.deepEqual(config, { rules: { DL3007: 'error' }, mysql: {}, dockerfile: { trustedRegistries: ['registry.example.com'] } });
    assert.deepEqual(errors.map((e) => [e.line, e.message.replace(/^.*?: /, '')]).sort(), [
      [2, 'rules.DL3008: ' + errors.find((e) => /DL3008/.test(e.message))!.message.split('rules.DL3008: ')[1]],
      [4, 'mysql.target: ' + errors.find((e) => /mysql\.target/.test(e.message))!.message.split('mysql.target: ')[1]],
      [5, 'colour: unknown key'],
    ].sort());
    assert.deepEqual(parseConfigPartially('rules: [\n').config, undefined, 'a YAML syntax error rejects the file');
  });
});
