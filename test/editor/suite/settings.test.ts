/** Settings and project configuration files change what is reported, live. */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { api, open, codeOf, waitFor, waitForCode, waitForDiagnostics, writeFile, deleteFile, revertAndCloseAll } from '../helpers';

const S = vscode.DiagnosticSeverity;
const config = () => vscode.workspace.getConfiguration('devopsGuidance');

describe('settings', function () {
  this.timeout(30000);
  afterEach(async () => {
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('enable.dockerfile', undefined, vscode.ConfigurationTarget.Workspace);
    await deleteFile('.hadolint.yaml');
    await deleteFile('.devops-guidance.yaml');
    await revertAndCloseAll();
  });
  after(() => deleteFile('.vscode'));

  it('devopsGuidance.rules changes a severity by code, turns a rule off by name, and restores it', async () => {
    const { document: doc } = await open('Dockerfile');
    const uri = doc.uri;
    const dl3007 = (ds: vscode.Diagnostic[]) => ds.find((d) => codeOf(d) === 'DL3007');
    assert.equal((await waitForCode(uri, 'DL3007')).severity, S.Warning);

    await config().update('rules', { DL3007: 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => dl3007(ds)?.severity === S.Error, 'DL3007 as an error');

    await config().update('rules', { DL3007: 'hint' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => dl3007(ds)?.severity === S.Hint, 'DL3007 as a hint');

    await config().update('rules', { 'image-tag-latest': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => !dl3007(ds) && ds.some((d) => codeOf(d) === 'DL3020'), 'DL3007 off by its name, DL3020 still there');

    // other tools' ids are aliases: Checkov's CKV_DOCKER_7 and Trivy's DS-0005 name DL3007 and DL3020
    await config().update('rules', { CKV_DOCKER_7: 'error', 'DS-0005': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => dl3007(ds)?.severity === S.Error && !ds.some((d) => codeOf(d) === 'DL3020'), 'DL3007 an error by its Checkov id, DL3020 off by its Trivy id');

    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => dl3007(ds)?.severity === S.Warning, 'DL3007 back to its default severity');
  });

  it('devopsGuidance.enable.dockerfile = false clears Dockerfile findings; true brings them back', async () => {
    const { document: doc } = await open('Dockerfile');
    await waitForCode(doc.uri, 'DL3007');
    await config().update('enable.dockerfile', false, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no findings with Dockerfile linting disabled');
    await config().update('enable.dockerfile', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForCode(doc.uri, 'DL3007');
  });

  it('a .hadolint.yaml created in the workspace is picked up (ignored: DL3020), and its removal too', async () => {
    const { document: doc } = await open('Dockerfile');
    await waitForCode(doc.uri, 'DL3020');
    await writeFile('.hadolint.yaml', 'ignored:\n  - DL3020\n');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'DL3020') && ds.some((d) => codeOf(d) === 'DL3007'), 'DL3020 ignored by .hadolint.yaml', 10000);
    await deleteFile('.hadolint.yaml');
    await waitForCode(doc.uri, 'DL3020', 10000);
  });

  it('a broken .devops-guidance.yaml is reported on that file, at the bad value; fixing it applies it', async () => {
    const { document: doc } = await open('Dockerfile');
    await waitForCode(doc.uri, 'DL3007');
    const yaml = await writeFile('.devops-guidance.yaml', 'rules:\n  DL3007: loud\n');
    const [problem] = await waitForDiagnostics(yaml, (ds) => ds.length > 0, 'a diagnostic on .devops-guidance.yaml', 10000);
    assert.equal(problem.severity, S.Error);
    assert.equal(problem.range.start.line, 1, `the problem should be on the line of "DL3007: loud": ${problem.message}`);
    assert.match(problem.message, /DL3007|loud|off|hint|info|warning|error/);
    await writeFile('.devops-guidance.yaml', 'rules:\n  DL3007: error\n');
    await waitForDiagnostics(yaml, (ds) => ds.length === 0, 'the .devops-guidance.yaml diagnostic to go', 10000);
    await waitForDiagnostics(doc.uri, (ds) => ds.find((d) => codeOf(d) === 'DL3007')?.severity === S.Error, 'DL3007 as an error from .devops-guidance.yaml', 10000);
  });

  it('every problem of a .devops-guidance.yaml at once, each at its key; unknown rules with "did you mean"; deleting the file clears them', async () => {
    const { document: doc } = await open('Dockerfile');
    await waitForCode(doc.uri, 'DL3007');
    const yaml = await writeFile('.devops-guidance.yaml', 'rules:\n  DL3070: off\n  DL3008: loud\nmysql:\n  target: mysql-9.9\n');
    const ds = await waitForDiagnostics(yaml, (x) => x.length === 3, 'three diagnostics on .devops-guidance.yaml', 10000);
    const at = ds.map((d) => [d.range.start.line, d.range.start.character, d.severity]).sort();
    assert.deepEqual(at, [[1, 2, S.Warning], [2, 10, S.Error], [4, 10, S.Error]].sort());
    assert.match(ds.find((d) => d.range.start.line === 1)!.message, /unknown rule "DL3070" — did you mean .*"DL3007"/);
    await deleteFile('.devops-guidance.yaml');
    await waitForDiagnostics(yaml, (x) => x.length === 0, 'the diagnostics of the deleted file to go', 10000);
  });

  it('an unknown rule or an invalid severity in devopsGuidance.rules is warned about, with "did you mean"', async () => {
    const { document: doc } = await open('Dockerfile');
    await waitForCode(doc.uri, 'DL3007');
    const a = await api();
    await config().update('rules', { 'image-tag-latst': 'error', DL3020: 'loud', StageNameCasing: 'off' }, vscode.ConfigurationTarget.Workspace);
    const problems = await waitFor(() => {
      const p = a.linter.settingsProblems.filter((x) => /image-tag-latst|DL3020|StageNameCasing/.test(x));
      return p.length >= 2 ? p : undefined;
    }, 'warnings about devopsGuidance.rules');
    assert.ok(problems.some((p) => /unknown rule "image-tag-latst" — did you mean "image-tag-latest"\?/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /"DL3020": invalid severity "loud"/.test(p)), problems.join('\n'));
    assert.ok(!problems.some((p) => /StageNameCasing/.test(p)), 'a Docker build-check name is an alias, not an unknown rule');
  });
});
