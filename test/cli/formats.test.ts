/**
 * CI output formats, checked against their published schemas where there is one (SARIF 2.1.0 from the OASIS
 * sarif-spec repository, reviewdog's DiagnosticResult JSON schema; both vendored in schemas/ and validated with
 * ajv's draft-04 build), a real XML parser for Checkstyle, and GitLab's documented fields for Code Quality
 * (GitLab publishes no JSON schema for it; schemas/gitlab-codequality.schema.json is written from its documentation),
 * and GitHub's own Actions toolkit (@actions/core) for workflow commands.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Ajv4 from 'ajv-draft-04';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseStringPromise } from 'xml2js';
import { DIST, ROOT } from '../helpers/setup';

const SCHEMAS = join(ROOT, 'test', 'cli', 'schemas');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// `a,b:c` exercises GitHub's property escaping; `é` makes UTF-8 byte columns differ from UTF-16 ones.
const DOCKERFILE = 'FROM debian:12\nRUN echo "é" && apt-get install -y curl\nMAINTAINER Jane <jane@example.com>\n';
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dg-formats-'));
  mkdirSync(join(dir, 'a,b:c'));
  writeFileSync(join(dir, 'a,b:c', 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, 'my.cnf'), '[mysqld]\nkey_buffer = 16M\n');
  // binary content: one DG002 finding about the whole file, at 0:0
  writeFileSync(join(dir, 'Containerfile'), 'FROM x\u0000\n');
  return dir;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  message: string;
  level: string;
}

function validator(schemaFile: string, draft4: boolean) {
  const schema = JSON.parse(readFileSync(join(SCHEMAS, schemaFile), 'utf8'));
  const ajv = draft4 ? new Ajv4({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
  addFormats(ajv as unknown as Ajv);
  const validate = ajv.compile(schema);
  /** The schema's complaints, or undefined when the document is valid. */
  return (doc: unknown): string | undefined => (validate(doc) ? undefined : JSON.stringify(validate.errors?.slice(0, 5), null, 1));
}

describe('cli formats', () => {
  const dir = project();
  const run = (fmt: string, extra: string[] = []) => cli(['lint', '--no-shellcheck', '--format', fmt, ...extra, '.'], dir);
  const json: JsonFinding[] = JSON.parse(run('json').out);

  it('the fixture has findings of every kind it is meant to have', () => {
    for (const code of ['DL3008', 'DL4000', 'MYC020', 'DG002']) assert.ok(json.some((f) => f.code === code), `no ${code}`);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, columns >= 1, help text and URI, fingerprints, category', () => {
    const r = run('sarif', ['--sarif-category', 'dockerfiles']);
    assert.equal(r.code, 1, r.err);
    const sarif = JSON.parse(r.out);
    const validate = validator('sarif-schema-2.1.0.json', true);
    assert.equal(validate(sarif), undefined);
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    assert.notEqual(validate(broken), undefined, 'the schema check itself can fail');
    const run0 = sarif.runs[0];
    assert.equal(run0.automationDetails.id, 'dockerfiles/');
    assert.equal(run0.results.length, json.length);
    for (const res of run0.results) {
      const reg = res.locations[0].physicalLocation.region;
      assert.ok(reg.startColumn >= 1 && reg.startLine >= 1 && reg.endColumn >= 1, JSON.stringify(reg));
      assert.match(res.partialFingerprints['devopsGuidance/v1'], /^[0-9a-f]{32}$/);
    }
    const dg002 = run0.results.find((x: { ruleId: string }) => x.ruleId === 'DG002');
    assert.equal(dg002.locations[0].physicalLocation.region.startColumn, 1);
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'DL4000');
    assert.match(rule.helpUri, /^https:\/\//);
    assert.ok(rule.help.text.length > 10);
    assert.equal(run0.results.find((x: { ruleId: string }) => x.ruleId === 'DL4000').locations[0].physicalLocation.artifactLocation.uri, 'a,b:c/Dockerfile');
  });

  it('sarif: a fingerprint survives lines inserted above the finding', () => {
    const d2 = project();
    const before = JSON.parse(cli(['lint', '--no-shellcheck', '--format', 'sarif', 'a,b:c/Dockerfile'], d2).out).runs[0].results;
    writeFileSync(join(d2, 'a,b:c', 'Dockerfile'), '# a comment\n\n' + DOCKERFILE);
    const after = JSON.parse(cli(['lint', '--no-shellcheck', '--format', 'sarif', 'a,b:c/Dockerfile'], d2).out).runs[0].results;
    const print = (rs: { ruleId: string; partialFingerprints: Record<string, string> }[], id: string) => rs.find((x) => x.ruleId === id)!.partialFingerprints['devopsGuidance/v1'];
    assert.equal(print(after, 'DL4000'), print(before, 'DL4000'));
    assert.equal(print(after, 'DL3008'), print(before, 'DL3008'));
  });

  it('rdjson: valid against reviewdog DiagnosticResult schema, UTF-8 byte columns, fixes as suggestions', () => {
    const rd = JSON.parse(run('rdjson').out);
    const validate = validator('rdjson-DiagnosticResult.json', true);
    assert.equal(validate(rd), undefined);
    assert.notEqual(validate({ diagnostics: [{ message: 'x', severity: 'FATAL' }] }), undefined, 'the schema check itself can fail');
    assert.equal(rd.diagnostics.length, json.length);
    const pin = rd.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'DL3008');
    const pinJson = json.find((f) => f.code === 'DL3008')!;
    // é is one UTF-16 unit but two UTF-8 bytes, and it comes before the finding on its line
    assert.equal(pin.location.range.start.column, pinJson.column + 1);
    const maint = rd.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'DL4000');
    assert.deepEqual(maint.suggestions, [
      { range: { start: { line: 3, column: 1 }, end: { line: 3, column: 35 } }, text: 'LABEL org.opencontainers.image.authors="Jane <jane@example.com>"' },
    ]);
    assert.equal(maint.severity, 'ERROR');
    assert.match(maint.code.url, /^https:\/\//);
  });

  it('gitlab: GitLab Code Quality fields (documented schema), unique fingerprints, 1-based lines', () => {
    const issues = JSON.parse(run('gitlab').out);
    const validate = validator('gitlab-codequality.schema.json', false);
    assert.equal(validate(issues), undefined);
    assert.notEqual(validate([{ ...issues[0], severity: 'warning' }]), undefined, 'the schema check itself can fail');
    assert.equal(issues.length, json.length);
    assert.equal(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size, issues.length);
    const maint = issues.find((i: { check_name: string }) => i.check_name === 'DL4000');
    assert.deepEqual(maint.location, { path: 'a,b:c/Dockerfile', lines: { begin: 3, end: 3 } });
  });

  it('checkstyle: well-formed XML a real parser reads back to the same findings (escaping included)', async () => {
    const doc = await parseStringPromise(run('checkstyle').out);
    const errors = doc.checkstyle.file.flatMap((f: { $: { name: string }; error?: { $: Record<string, string> }[] }) =>
      (f.error ?? []).map((e) => ({ file: f.$.name, line: Number(e.$.line), column: Number(e.$.column), source: e.$.source, message: e.$.message })),
    );
    assert.equal(errors.length, json.length);
    for (const j of json) {
      assert.ok(
        errors.some((e: { file: string; line: number; column: number; source: string; message: string }) => e.file === j.file && e.line === j.line && e.column === j.column && e.source === j.code && e.message === j.message),
        `missing ${j.code} ${j.message}`,
      );
    }
  });

  it('github-actions: one workflow command per finding, properties and message escaped as the runner expects', () => {
    const lines = run('github-actions').out.trimEnd().split('\n');
    assert.equal(lines.length, json.length);
    const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    const parsed = lines.map((l) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(l);
      assert.ok(m, l);
      const props = Object.fromEntries(m[2].split(',').map((p) => p.split('=', 2)).map(([k, v]) => [k, unescape(v)]));
      return { level: m[1], props, message: unescape(m[3]) };
    });
    const pin = parsed.find((p) => p.props.title.startsWith('DL3008 '))!;
    const pinJson = json.find((f) => f.code === 'DL3008')!;
    assert.deepEqual(pin.props, {
      file: 'a,b:c/Dockerfile',
      line: String(pinJson.line),
      col: String(pinJson.column),
      endLine: String(pinJson.endLine),
      endColumn: String(pinJson.endColumn),
      title: 'DL3008 apt-package-unpinned',
    });
    assert.equal(pin.message, pinJson.message);
    assert.equal(parsed.find((p) => p.props.title.startsWith('DL4000 '))!.level, 'error');
  });

  it("github-actions: byte for byte what GitHub's own toolkit (@actions/core) writes for the same annotations", () => {
    const ours = run('github-actions').out.trimEnd().split('\n');
    // @actions/core, in a child process: its error()/warning()/notice() print the workflow command to stdout
    const script = join(dir, 'toolkit.mjs');
    writeFileSync(
      script,
      [
        `import * as core from ${JSON.stringify(join(ROOT, 'node_modules', '@actions', 'core', 'lib', 'core.js'))};`,
        `const level = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };`,
        `for (const f of JSON.parse(process.argv[2])) core[level[f.level]](f.message, { title: f.code + ' ' + f.name, file: f.file, startLine: f.line, endLine: f.endLine, startColumn: f.column, endColumn: f.endColumn });`,
      ].join('\n'),
    );
    const toolkit = spawnSync(process.execPath, [script, JSON.stringify(json)], { encoding: 'utf8' });
    assert.equal(toolkit.status, 0, toolkit.stderr);
    const theirs = toolkit.stdout.trimEnd().split('\n');
    // the same commands, properties and escaped values; only the order of the properties differs
    const norm = (l: string) => {
      const m = /^::(\w+) ([^:]*)::(.*)$/.exec(l)!;
      return { cmd: m[1], props: m[2].split(',').sort(), message: m[3] };
    };
    assert.deepEqual(ours.map(norm), theirs.map(norm));
  });

  it('rejects an unknown format and accepts hadolint format names', () => {
    const bad = run('sonarqube');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be one of/);
    assert.equal(run('tty').code, 1);
    assert.deepEqual(JSON.parse(run('gitlab_codeclimate').out).length, json.length);
  });
});
