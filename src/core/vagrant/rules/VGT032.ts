import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, namespaceCalls } from '../helpers';
import { didYouMean } from '../../text';
import { ROOT_SETTINGS } from '../known-settings';
import { PLUGIN_NAMESPACES } from '../tables';

/** Namespace → plugin gem name, where it is not simply vagrant-<namespace>. */
const PLUGIN_OF: Record<string, string> = { cache: 'vagrant-cachier', proxy: 'vagrant-proxyconf', dns: 'landrush', notify_forwarder: 'vagrant-notify-forwarder' };

/**
 * A plugin's config section (`config.disksize.size = "50GB"`) used unconditionally, while nothing in the file
 * mentions the plugin: on a machine without it, every vagrant command stops with "Unknown configuration section
 * 'disksize'". Quiet when the file guards it (`if Vagrant.has_plugin?`), requires it (`config.vagrant.plugins`),
 * installs it, or names it anywhere (a comment saying it is needed counts).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT032', name: 'plugin-namespace-unguarded', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const seen = new Set<string>();
    const declared = namespaceCalls(m, 'vagrant', 'plugins').length > 0;
    const installsComputed = m.hostCommands.some((h) => /\bvagrant\s+plugin\s+install\b/.test(h.text.replace(/\0/g, ' ')) && h.text.includes('\0'));
    if (declared || installsComputed) return;
    for (const ns of m.namespaces) {
      if (seen.has(ns.name) || ROOT_SETTINGS.has(ns.name) || apiVersion(ns.scope) !== 2) continue;
      seen.add(ns.name);
      if (ns.flow.conditional) continue;
      const gem = PLUGIN_OF[ns.name] ?? `vagrant-${ns.name.replace(/_/g, '-')}`;
      // Guarded only by code: Vagrant.has_plugin?("gem") anywhere, or a command that installs it. A comment saying
      // the plugin is needed does not stop Vagrant from failing.
      const names = [gem, `vagrant-${ns.name}`];
      const guarded =
        m.vagrantCalls.some((c) => c.name === 'has_plugin?' && c.args.some((a) => names.includes(a.trim()))) ||
        m.hostCommands.some((h) => /\bplugin\s+install\b/.test(h.text) && names.some((n) => h.text.includes(n)));
      if (guarded) continue;
      // a namespace one letter from a core one is a typo, which VGT006 reports
      if (!PLUGIN_NAMESPACES.has(ns.name) && didYouMean(ns.name, ROOT_SETTINGS.keys(), 1).length) continue;
      ctx.report({
        range: ns.range,
        message: `config.${ns.name} belongs to a plugin (probably ${gem}) that nothing in this file requires or checks for: without it, every vagrant command stops with "Unknown configuration section '${ns.name}'". Declare it in config.vagrant.plugins, or guard the settings with if Vagrant.has_plugin?("${gem}").`,
      });
    }
  },
});
