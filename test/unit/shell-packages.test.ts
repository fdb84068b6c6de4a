/** Package-manager command lines, parsed per manager: action, options with values, and classified packages. */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { parseDockerfile } from '../../src/core/dockerfile/parse';
import { dockerfileShell } from '../../src/core/dockerfile/shell/analysis';
import { packages, pmCall, type PmCall } from '../../src/core/shell/packages';
import { parseOptions } from '../../src/core/shell/options';
import { download } from '../../src/core/shell/tools';

function call(line: string): PmCall {
  const r = dockerfileShell(parseDockerfile(`FROM x\nRUN ${line}\n`)).runs[0];
  const c = r.commands.map(pmCall).find((x) => x);
  assert.ok(c, `no package-manager call in ${line}`);
  return c;
}

/** `name:status` for each operand of an install. */
function pk(line: string): string[] {
  return packages(call(line)).map((p) => `${p.word.text}:${p.status}`);
}

describe('shell: package managers', () => {
  before(engineReady);

  it('apt-get: options with values never become packages; pins, variables, files, globs', () => {
    const c = call('apt-get -o Dpkg::Options::=--force-confold -t bookworm-backports -yq install --no-install-recommends curl');
    assert.equal(c.manager, 'apt-get');
    assert.equal(c.action, 'install');
    assert.deepEqual(c.options.map((o) => [o.name, o.value]), [
      ['-o', 'Dpkg::Options::=--force-confold'],
      ['-t', 'bookworm-backports'],
      ['-y', undefined],
      ['-q', undefined],
      ['--no-install-recommends', undefined],
    ]);
    assert.deepEqual(pk('apt-get install -y curl git=1:2.39.* $PKGS "${X}" ./a.deb /tmp/b.deb libfoo* nginx/bookworm-backports "p=${V}"'), [
      'curl:unpinned',
      'git=1:2.39.*:pinned',
      '$PKGS:unknown',
      '${X}:unknown',
      './a.deb:unknown',
      '/tmp/b.deb:unknown',
      'libfoo*:unknown',
      'nginx/bookworm-backports:unknown',
      'p=${V}:pinned',
    ]);
    assert.deepEqual(pk('apt-get update'), []);
  });

  it('apk: global options before the action, --virtual names, repositories, version operators', () => {
    const c = call('apk --no-cache -X https://mirror/edge add --virtual .deps gcc musl-dev=1.2 "jq~1.7" ./x.apk');
    assert.equal(c.action, 'add');
    assert.deepEqual(packages(c).map((p) => `${p.word.text}:${p.status}`), ['gcc:unpinned', 'musl-dev=1.2:pinned', 'jq~1.7:pinned', './x.apk:unknown']);
  });

  it('yum / dnf / microdnf / tdnf: name-version pins, groups, provides, RPM files', () => {
    assert.deepEqual(pk('yum install -y --setopt=tsflags=nodocs httpd httpd-2.4.6 java-11-openjdk @dev "perl(X)" /tmp/a.rpm'), [
      'httpd:unpinned',
      'httpd-2.4.6:pinned',
      'java-11-openjdk:pinned',
      '@dev:unknown',
      'perl(X):unknown',
      '/tmp/a.rpm:unknown',
    ]);
    assert.equal(call('microdnf install -y x').manager, 'microdnf');
    assert.equal(call('tdnf install -y x').manager, 'dnf');
    assert.equal(call('dnf5 install -y x').manager, 'dnf');
  });

  it('zypper: global options, -t types, version operators', () => {
    const c = call('zypper -n --gpg-auto-import-keys in -t package --no-recommends curl "vim>=9"');
    assert.equal(c.action, 'in');
    assert.deepEqual(packages(c).map((p) => `${p.word.text}:${p.status}`), ['curl:unpinned', 'vim>=9:pinned']);
  });

  it('pip, pip3, python -m pip: specifiers, extras, files, VCS, option values', () => {
    assert.equal(call('python3.12 -I -m pip install x').manager, 'pip');
    assert.equal(call('/venv/bin/pip3.12 install x').manager, 'pip');
    assert.deepEqual(
      pk('pip install -i https://idx/simple --extra-index-url https://b --trusted-host idx -c c.txt flask "django>=5" "fastapi[all]==0.1" "x @ https://e/x.whl" ./dist/a.whl git+https://g/r.git . -e ./lib uvicorn[standard]'),
      [
        'flask:unpinned',
        'django>=5:pinned',
        'fastapi[all]==0.1:pinned',
        'x @ https://e/x.whl:pinned',
        './dist/a.whl:unknown',
        'git+https://g/r.git:unpinned',
        '.:unknown',
        'uvicorn[standard]:unpinned',
      ],
    );
    assert.equal(call('pip install -e ./lib').options.find((o) => o.name === '-e')?.value, './lib');
  });

  it('pipx install: pip specs, its own valued options; gem: build flags after --; go get/run', () => {
    assert.equal(call('pipx install black').manager, 'pipx');
    assert.deepEqual(pk('pipx install --python python3.12 --suffix _2 --pip-args "--no-cache-dir" black "ruff==0.8.4"'), ['black:unpinned', 'ruff==0.8.4:pinned']);
    assert.deepEqual(pk('pipx run black'), []);
    assert.deepEqual(pk('gem install rails -- --with-pg-config=/usr/bin/pg_config extra'), ['rails:unpinned']);
    assert.deepEqual(pk('go run github.com/a/b@v1.0.0 github.com/c/d'), ['github.com/a/b@v1.0.0:pinned']);
    assert.deepEqual(pk('go run main.go x.y/z'), ['main.go:unknown']);
    assert.deepEqual(pk('go get -tool github.com/a/b tool'), ['github.com/a/b:unpinned', 'tool:unknown']);
  });

  it('npm: aliases of install, scopes, tags, folders, tarballs, git', () => {
    assert.equal(call('npm i x').action, 'i');
    assert.deepEqual(pk('npm install -g --registry https://r typescript @scope/a @scope/b@1.2 c@latest d@^1 ./f ../g x.tgz git+https://g/r.git#v1 git://g/r.git https://e/p.tgz user/repo'), [
      'typescript:unpinned',
      '@scope/a:unpinned',
      '@scope/b@1.2:pinned',
      'c@latest:unpinned',
      'd@^1:pinned',
      './f:unknown',
      '../g:unknown',
      'x.tgz:unknown',
      'git+https://g/r.git#v1:pinned',
      'git://g/r.git:unpinned',
      'https://e/p.tgz:unknown',
      'user/repo:unknown',
    ]);
    assert.deepEqual(pk('npm ci'), []);
  });

  it('gem and go', () => {
    assert.deepEqual(pk('gem install --no-document rails rake:13.2 ./x.gem'), ['rails:unpinned', 'rake:13.2:pinned', './x.gem:unknown']);
    assert.equal(call('gem install rails -v 8.0').options.find((o) => o.name === '-v')?.value, '8.0');
    assert.deepEqual(pk('go install -ldflags "-s -w" golang.org/x/tools/gopls@v0.17.1 github.com/a/b@latest github.com/c/d ./cmd/x std'), [
      'golang.org/x/tools/gopls@v0.17.1:pinned',
      'github.com/a/b@latest:unpinned',
      'github.com/c/d:unpinned',
      './cmd/x:unknown',
      'std:unknown',
    ]);
  });

  it('option parsing: clusters with a valued letter take the rest or the next word', () => {
    const words = (s: string) => dockerfileShell(parseDockerfile(`FROM x\nRUN c ${s}\n`)).runs[0].commands[0].args;
    const p = parseOptions(words('-fsSLo out.tgz -Hx:1 --url=https://a b'), { shortValued: 'oH', longValued: ['--url'] });
    assert.deepEqual(p.options.map((o) => [o.name, o.value ?? null]), [
      ['-f', null],
      ['-s', null],
      ['-S', null],
      ['-L', null],
      ['-o', 'out.tgz'],
      ['-H', 'x:1'],
      ['--url', 'https://a'],
    ]);
    assert.deepEqual(p.operands.map((o) => o.text), ['b']);
  });

  it('downloads: where curl and wget write', () => {
    const d = (line: string) => download(dockerfileShell(parseDockerfile(`FROM x\nRUN ${line}\n`)).runs[0].commands[0])!;
    assert.ok(d('curl -fsSL https://a').stdout);
    assert.equal(d('curl -fsSLo /tmp/a https://a').output?.text, '/tmp/a');
    assert.ok(!d('curl -O https://a/x.sh').stdout && d('curl -O https://a/x.sh').remoteName);
    assert.ok(d('wget -qO- https://a').stdout);
    assert.ok(d('wget -O - https://a').stdout);
    assert.equal(d('wget -nv -O x.sh https://a').output?.text, 'x.sh');
  });
});
