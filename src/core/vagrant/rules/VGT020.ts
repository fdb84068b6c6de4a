import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';

/**
 * `system "vagrant plugin install ..."` (or backticks, exec) inside the Vagrantfile: a shell command that runs every
 * time any vagrant command loads the file, installs whatever version is newest, and differs per platform.
 * Vagrant 2.2+ has a declarative way: config.vagrant.plugins = ["vagrant-hostmanager"].
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT020', name: 'plugin-installed-by-shell', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const h of m.hostCommands) {
      if (!/\bvagrant\s+plugin\s+install\b/.test(h.text.replace(/\0/g, ' '))) continue;
      ctx.report({
        range: h.range,
        message: 'The Vagrantfile installs a Vagrant plugin by running a shell command; that runs on every vagrant command, on every host, with whatever plugin version is newest. Declare it instead: config.vagrant.plugins = { "name" => { "version" => "x.y" } }.',
      });
    }
  },
});
