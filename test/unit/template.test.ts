/** The kind-neutral template reader (src/core/template): detection, masking with positions kept, structure, guards. */
import { strict as assert } from 'node:assert';
import { detectTemplate, readTemplate, templateOf, untemplatedName, exclusive, guardsAt, inLoop, isPlaceholderValue, type TemplateReading } from '../../src/core/template/index';
import { unfaithfulLines } from '../../src/core/template/findings';
import { evaluate, rendersFor } from '../../src/core/mycnf/guards';
import { defaultConfig, kindOf, lint } from '../../src/core/index';
import { engineReady } from '../helpers/setup';
import { LineIndex } from '../../src/core/text';

const at = (t: TemplateReading, text: string, needle: string) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};

describe('template reader', () => {
  it('masks a generated line of 20,000 tags in linear time (a fuzzed Vagrantfile.erb took 1.1 s of CPU before)', () => {
    const text = 'a <%= x %> '.repeat(20000) + '\n' + '<%= y %>\n';
    const t0 = process.hrtime.bigint();
    const r = readTemplate(text, 'erb');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(r.text.length, text.length);
    assert.ok(r.text.startsWith('a ${_____} '), r.text.slice(0, 20));
    assert.equal(r.text.split('\n')[1], '        ', 'a line of one tag is blanked');
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });

  before(engineReady);
  it('recognises template names of files we lint, and nothing else', () => {
    for (const [name, kind] of [
      ['my.cnf.j2', 'mycnf'],
      ['mysqld.cnf.erb', 'mycnf'],
      ['my.cnf.epp', 'mycnf'],
      ['server.cnf.jinja2', 'mycnf'],
      ['my.cnf.tmpl', 'mycnf'],
      ['Dockerfile.j2', 'dockerfile'],
      ['Dockerfile.template', 'dockerfile'],
      ['Containerfile.in', 'dockerfile'],
      ['app.dockerfile.tpl', 'dockerfile'],
      ['Vagrantfile.erb', 'vagrantfile'],
    ] as const) assert.equal(kindOf(`/x/${name}`), kind, name);
    for (const name of ['index.html.j2', 'config.yaml.tpl', 'j2', '.erb', 'notes.template']) assert.equal(kindOf(name), undefined, name);
    assert.equal(untemplatedName('my.cnf.j2'), 'my.cnf');
    assert.equal(untemplatedName('Dockerfile-debian.template'), 'Dockerfile-debian');
    assert.equal(untemplatedName('my.cnf'), undefined);
  });

  it('detects each syntax by name and by content', () => {
    assert.equal(detectTemplate('my.cnf.j2', 'port = 1'), 'jinja2');
    assert.equal(detectTemplate('my.cnf.epp', 'port = 1'), 'epp');
    assert.equal(detectTemplate(undefined, '[mysqld]\n{% if x %}\nport = 1\n{% endif %}\n'), 'jinja2');
    assert.equal(detectTemplate(undefined, '[mysqld]\nport = <%= @port %>\n'), 'erb');
    assert.equal(detectTemplate(undefined, '[mysqld]\nport = <%= $port %>\n'), 'epp');
    assert.equal(detectTemplate(undefined, 'FROM {{ .Values.image }}\n{{- if .dev }}\nRUN x\n{{- end }}\n'), 'go');
    assert.equal(detectTemplate(undefined, '{{ if env.variant == "x" then ( -}}\nRUN a\n{{ ) end -}}\n'), 'jq');
    assert.equal(detectTemplate(undefined, 'ENV V %%VERSION%%\n'), 'placeholder');
    assert.equal(detectTemplate(undefined, 'FROM debian\nRUN echo hi\n'), undefined);
    // a Go template inside a quoted argument is the program's own syntax: a plain Dockerfile stays plain
    assert.equal(templateOf('Dockerfile', "FROM debian\nHEALTHCHECK CMD docker inspect --format '{{json .State}}' x\n"), undefined);
    assert.ok(templateOf('Dockerfile.template', 'FROM debian\n'), 'a template name is a template, tags or not');
  });

  it('masks tags with positions kept: statements and comments blank, expressions an unknown variable', () => {
    const text = '{# c #}\n[mysqld]\n{% if x %}\nport = {{ p }}\n{% endif %}\nbind = <%= @b %>\n';
    const t = readTemplate(text, 'jinja2');
    assert.equal(t.text.length, text.length);
    assert.deepEqual(t.text.split('\n').map((l) => l.length), text.split('\n').map((l) => l.length));
    assert.equal(t.text.split('\n')[0].trim(), '');
    assert.equal(t.text.split('\n')[2].trim(), '');
    assert.equal(t.text.split('\n')[3], 'port = ${____}');
    // a different syntax's tags are left alone
    assert.equal(t.text.split('\n')[5], 'bind = <%= @b %>');
    // an expression alone on its line renders lines we cannot see: blank
    assert.equal(readTemplate('a\n  {{ block }}\nb', 'jinja2').text, 'a\n             \nb');
    // {% raw %} content is literal text
    const raw = readTemplate('{% raw %}{{ x }}{% endraw %}', 'jinja2');
    assert.equal(raw.tags.length, 2);
    assert.ok(raw.text.includes('{{ x }}'));
  });

  it('keeps the control structure of each syntax', () => {
    const cases: [string, Parameters<typeof readTemplate>[1], string[]][] = [
      ['{% if a %}A{% elif b %}B{% else %}C{% endif %}', 'jinja2', ['if:a', 'elif:b', 'else:']],
      ['<% if @a %>A<% elsif @b %>B<% else %>C<% end %>', 'erb', ['if:@a', 'elsif:@b', 'else:']],
      ['<% unless @a.nil? -%>A<% end -%>', 'erb', ['unless:@a.nil?']],
      ['<% case @f %><% when "x" %>A<% when "y" %>B<% end %>', 'erb', ['when:"x"', 'when:"y"']],
      ['<% if $a { -%>A<% } elsif $b { -%>B<% } else { -%>C<% } -%>', 'epp', ['if:$a', 'elsif:$b', 'else:']],
      ["<% case $f { %><% 'x': { %>A<% } %><% default: { %>B<% } %><% } %>", 'epp', ["when:'x'", 'when:default']],
      ['{{- if .a }}A{{- else if .b }}B{{- else }}C{{- end }}', 'go', ['if:.a', 'elif:.b', 'else:']],
      ['{{ if env.a then ( -}}A{{ ) elif env.b then ( -}}B{{ ) else ( -}}C{{ ) end -}}', 'jq', ['if:env.a', 'elif:env.b', 'else:']],
    ];
    for (const [text, syntax, want] of cases) {
      const t = readTemplate(text, syntax);
      assert.ok(t.balanced, text);
      const cond = t.blocks.find((b) => b.type !== 'loop' && b.type !== 'other')!;
      assert.deepEqual(cond.branches.map((b) => `${b.keyword}:${b.condition ?? ''}`), want, text);
      const [a, c] = [text.indexOf('A'), text.indexOf(want.length > 2 ? 'C' : 'B')];
      if (c > 0) assert.ok(exclusive(t, a, c), `${text}: branches are alternatives`);
    }
    const loops = readTemplate('{% for k in ks %}L{% endfor %}<% @o.each do |k, v| %>M<% end %>', 'jinja2');
    assert.ok(inLoop(loops, 17));
    const erbLoop = readTemplate('<% @o.each do |k, v| -%>M<% end -%>', 'erb');
    assert.ok(inLoop(erbLoop, erbLoop.text.indexOf('M')));
    const inc = readTemplate('{% include "x.j2" %}\n{% import "m.j2" as m %}\n', 'jinja2');
    assert.equal(inc.includes.length, 2);
  });

  it('an unbalanced structure is not used, never a crash', () => {
    for (const [text, s] of [['{% if a %}A', 'jinja2'], ['<% end %>', 'erb'], ['{{ end }}{{ else }}', 'go'], ['{% if', 'jinja2'], ['<%= x', 'erb']] as const) {
      const t = readTemplate(text, s);
      assert.equal(t.text.length, text.length);
      assert.deepEqual(t.blocks, []);
    }
  });

  it('guards: conditions of the branches that hold a position, negated after an else', () => {
    const text = '{% if mysql_version is version("8.0", ">=") %}A{% else %}B{% endif %}{% if mariadb %}C{% endif %}';
    const t = readTemplate(text, 'jinja2');
    assert.deepEqual(guardsAt(t, at(t, text, 'A')).map((g) => [g.condition, g.negated]), [['mysql_version is version("8.0", ">=")', false]]);
    assert.deepEqual(guardsAt(t, at(t, text, 'B')).map((g) => g.negated), [true]);
    // contradicting guards of two blocks: no rendering holds both
    const text2 = '{% if a and not b %}X{% endif %}{% if b %}Y{% endif %}{% if c %}Z{% endif %}';
    const t2 = readTemplate(text2, 'jinja2');
    assert.ok(exclusive(t2, at(t2, text2, 'X'), at(t2, text2, 'Y')));
    assert.ok(!exclusive(t2, at(t2, text2, 'X'), at(t2, text2, 'Z')));
  });

  it('guards of option files: flavor and version for each target', () => {
    assert.equal(evaluate("mysql_version is version('8.0', '>=')", 'mysql-8.4'), true);
    assert.equal(evaluate("mysql_version is version('8.0', '<')", 'mysql-8.4'), false);
    assert.equal(evaluate("mysql_version is version('8.0', '<')", 'mariadb-10.11'), undefined, 'a MySQL version says nothing of MariaDB');
    assert.equal(evaluate("mysql_cli_version is version('8.0.34', '>=')", 'mysql-8.0'), undefined, 'the patch level decides');
    assert.equal(evaluate("mysql_daemon == 'mariadb'", 'mariadb-11.4'), true);
    assert.equal(evaluate("(mysql_daemon == 'mysql' and mysql_cli_version is version('8.0', '<')) or mysql_daemon == 'mariadb'", 'mysql-8.4'), false);
    assert.equal(evaluate("versioncmp($mysql_version, '8.0') >= 0", 'mysql-5.7'), false);
    assert.equal(evaluate('@mysql_version.to_f < 8.0', 'mysql-8.0'), false);
    assert.equal(evaluate('@mariadb', 'mysql-8.4'), false);
    assert.equal(evaluate("ansible_distribution == 'Ubuntu'", 'mysql-8.4'), undefined);
    assert.equal(evaluate('not mysql_small', 'mysql-8.4'), undefined);
    assert.equal(rendersFor([{ condition: "mysql_daemon == 'mariadb'", negated: true, keyword: 'if' }], 'mariadb-10.11'), false);
  });

  it('lines whitespace control joins, and lines of tags only, are not judged', () => {
    const text = 'RUN a {% if x -%}\n  && b\n{% endif %}\nRUN c\n';
    const t = readTemplate(text, 'jinja2');
    assert.deepEqual([...unfaithfulLines(t, new LineIndex(text))].sort(), [0, 1, 2]);
  });

  it('tag soup never crashes a lint: every syntax, unclosed and unbalanced tags, both kinds', () => {
    const bits = ['{{', '}}', '{%', '%}', '{#', '#}', '<%', '%>', '<%=', '-%>', '{%-', '-}}', '{% if a %}', '{% else %}', '{% endif %}', '<% end %>', '<% } %>', '{{ end }}', '{{ ) else ( -}}', '%%V%%', '@V@', '\n', ' = ', '[mysqld]', 'RUN ', 'FROM a', '"', "'", '\\\n'];
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = 0; i < 40; i++) text += bits[Math.floor(rnd() * bits.length)];
      for (const [kind, name] of [['mycnf', 'my.cnf.j2'], ['mycnf', 'my.cnf.erb'], ['mycnf', 'my.cnf.epp'], ['dockerfile', 'Dockerfile.tpl'], ['dockerfile', 'Dockerfile.template']] as const) {
        const t = templateOf(name, text)!;
        assert.equal(t.text.length, text.length, text);
        const findings = lint(text, kind, defaultConfig(), { fileName: name });
        assert.deepEqual(findings.filter((f) => f.code === 'DG001').map((f) => f.message), [], JSON.stringify(text));
      }
    }
  });

  it('whole-value placeholders', () => {
    for (const v of ['${PORT}', '$PORT', '@PORT@', '@@SERVER_ID@@', '%%VERSION%%', '__PORT__', '<VALUE>', 'CHANGEME', 'YOUR_PASSWORD', '"${PORT}"']) assert.ok(isPlaceholderValue(v), v);
    for (const v of ['3306', 'ON', '/var/lib/mysql', 'utf8mb4', 'MIXED', '']) assert.ok(!isPlaceholderValue(v), v);
  });
});
