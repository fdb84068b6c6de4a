import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls } from '../shell/lint';

const TO_APT_GET = ['install', 'update', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'build-dep', 'source', 'download', 'reinstall', 'satisfy'];
const TO_APT_CACHE = ['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'showpkg', 'madison'];

/** `apt` is the interactive front end; its output and behaviour are not stable for scripts. */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3027', name: 'apt-in-script', kind: 'dockerfile', severity: 'warning', fix: 'safe', aliases: ['CKV_DOCKER_9'] },
  check(m, ctx) {
    for (const { call } of calls(m, ['apt'])) {
      const name = call.command.name!;
      const fixes = [];
      if (call.action && TO_APT_GET.includes(call.action)) {
        fixes.push({ title: 'Replace apt with apt-get', safe: true, edits: [{ range: name.range, newText: name.text.replace(/apt$/, 'apt-get') }] });
      } else if (call.action === 'upgrade' || call.action === 'full-upgrade') {
        const edits = [{ range: name.range, newText: name.text.replace(/apt$/, 'apt-get') }];
        if (call.action === 'full-upgrade' && call.actionWord) edits.push({ range: call.actionWord.range, newText: 'dist-upgrade' });
        fixes.push({ title: 'Replace with apt-get', safe: false, edits });
      } else if (call.action && TO_APT_CACHE.includes(call.action)) {
        fixes.push({ title: 'Replace apt with apt-cache', safe: true, edits: [{ range: name.range, newText: name.text.replace(/apt$/, 'apt-cache') }] });
      }
      ctx.report({
        range: name.range,
        message: '`apt` is meant for people at a terminal and warns that its interface is unstable in scripts; use apt-get (or apt-cache).',
        fixes: fixes.length ? fixes : undefined,
      });
    }
  },
});
