import { defineRule } from '../../rule';
import type { SettingCall, VagrantModel } from '../model';
import { apiVersion, known, namespaceCalls, scopeOf, str } from '../helpers';

function lit(v: SettingCall['args'][number] | undefined, fallback: string): string {
  if (!v || !known(v)) return fallback;
  if (v.kind === 'string') return JSON.stringify(v.value);
  if (v.kind === 'integer' || v.kind === 'float' || v.kind === 'boolean') return String(v.value);
  return fallback;
}

/**
 * Vagrant 1 networking in a `Vagrant::Config.run` block (`config.vm.forward_port 80, 8080`,
 * `config.vm.network :hostonly, "192.168.33.10"`, `:bridged`). Vagrant 2 still loads v1 files by upgrading them to
 * v2 calls, but the upgrade hands the options to `vm.network` as a positional hash, which Ruby 3 refuses: on every
 * Vagrant since 2.3 (which runs on Ruby 3) the file fails to load with "wrong number of arguments (given 2,
 * expected 1) (ArgumentError)". The message gives the v2 form. A v1 block that may not run at all (a version switch such
 * as `Vagrant::VERSION < "1.1.0" and Vagrant::Config.run`) is left alone.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT034', name: 'v1-network-unloadable', kind: 'vagrantfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm')) {
      const scope = scopeOf(call);
      // A v1 block that may not run (`Vagrant::VERSION < "1.1.0" and Vagrant::Config.run ...`) is a version switch.
      if (call.assignment || apiVersion(scope) !== 1 || scope.configure.flow.conditional) continue;
      let v2: string | undefined;
      if (call.name === 'forward_port') {
        v2 = `config.vm.network "forwarded_port", guest: ${lit(call.args[0], '...')}, host: ${lit(call.args[1], '...')}, host_ip: "127.0.0.1"`;
      } else if (call.name === 'network') {
        const type = str(call.args[0]);
        if (type === 'hostonly') v2 = `config.vm.network "private_network", ip: ${lit(call.args[1], '...')}`;
        else if (type === 'bridged') v2 = `config.vm.network "public_network"${call.args[1] ? `, ip: ${lit(call.args[1], '...')}` : ''}`;
        else if (type === undefined) v2 = 'config.vm.network "private_network", ip: ... (or "public_network")';
        // other literal types: Vagrant warns "Unknown network type ... will be ignored" and goes on
      }
      if (!v2) continue;
      ctx.report({
        range: call.nameRange,
        message: `Vagrant 1 ${call.name === 'forward_port' ? 'port forwarding' : 'networking'} (config.vm.${call.name} in a Vagrant::Config.run block) no longer loads: Vagrant 2.3 and later run on Ruby 3, and upgrading this call fails with "wrong number of arguments (ArgumentError)", so every vagrant command stops. Move the block to Vagrant.configure("2") and write ${v2}.`,
      });
    }
  },
});
