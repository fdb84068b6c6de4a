import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { provisionShells, reportShell } from '../shell';

/** Vagrant's published insecure public key (its base64 body starts like this), or the file it is published as. */
const INSECURE_KEY = /AAAAB3NzaC1yc2EAAAABIwAAAQEA6NF8iallvQVp22WDkTkyrtvp9eWW6A8YVr\+kz4TjGYe7gHzIw\+niNltGEFHzD8\+v1I2YJ6oXevct1YeS0o9HZyN1Q9qgCgzUFtdOKLv6IedplqoPkcmF0aYet2PkEDo3MlTBckFXPITAMzF8dJSIFo9D8HfdOV0IAdx4O7PtixWKn5y2hMNG0zQPyUecp4pzC6kivAIhyfHilFR61RGL|hashicorp\/vagrant\/[^\s'"]*\/keys\/vagrant(?:\.key\.(?:rsa|ed25519))?\.pub|mitchellh\/vagrant\/[^\s'"]*\/keys\/vagrant\.pub/;

/**
 * A provisioning script that appends Vagrant's published insecure public key to an `authorized_keys` file: anyone
 * holding the matching private key (everyone: it ships with Vagrant) can log in as that user.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT036', name: 'provision-authorizes-insecure-key', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const s of provisionShells(m)) {
      const text = s.source.text;
      if (!/authorized_keys/.test(text)) continue;
      const hit = INSECURE_KEY.exec(text);
      if (!hit) continue;
      reportShell(s, s.source.range(hit.index, hit.index + hit[0].length), 'This script adds Vagrant\'s published insecure public key to authorized_keys: its private half ships with every Vagrant install, so anyone who reaches the SSH port can log in. Authorize a key pair of your own (or let Vagrant insert a fresh one with config.ssh.insert_key).', (r) => ctx.report(r));
    }
  },
});
