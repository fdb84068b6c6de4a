/**
 * Facts the Vagrantfile rules rely on, gathered in one place: provider and provisioner names, the keyword
 * options of `vm.network`, `vm.synced_folder` and `vm.define`, boolean settings, secret-bearing settings,
 * and boxes whose distribution reached its end of life. Sources are cited next to each table.
 */

/** Provider names of Vagrant itself (virtualbox, docker, hyperv) and of maintained plugins. */
export const KNOWN_PROVIDERS = new Set([
  'virtualbox', 'docker', 'hyperv', 'libvirt', 'vmware_desktop', 'vmware_fusion', 'vmware_workstation', 'parallels',
  'aws', 'google', 'azure', 'digital_ocean', 'openstack', 'rackspace', 'lxc', 'lxd', 'qemu', 'utm', 'softlayer',
  'managed', 'vsphere', 'vcenter', 'vcloud', 'vmware_esxi', 'proxmox', 'linode', 'cloudstack', 'hetznercloud',
  'scaleway', 'oracle', 'xenserver', 'ovirt4', 'kubevirt', 'podman', 'tart', 'vultr', 'exoscale', 'brightbox',
  'alicloud', 'packet', 'cloudsigma', 'ganeti', 'esxi', 'hyperkit', 'xhyve', 'bhyve', 'vmck', 'mock',
]);

/** Names people write that are not provider names, with the name they meant. */
export const PROVIDER_MISTAKES: Record<string, string> = {
  vmware: 'vmware_desktop',
  vbox: 'virtualbox',
  'virtual_box': 'virtualbox',
  'hyper-v': 'hyperv',
  kvm: 'libvirt',
};

/** Provisioner types of Vagrant 2.x plus common plugin ones (vagrant-reload, vagrant-hosts, ...). */
export const PLUGIN_PROVISIONERS = new Set(['reload', 'hosts', 'serverspec', 'host_shell', 'docker_compose', 'windows_reboot', 'ansible_galaxy', 'inspec', 'env']);

/** Keyword options every `vm.provision` call accepts, whatever the type (handled by Vagrant, not the provisioner). */
export const PROVISION_COMMON_OPTIONS = new Set(['type', 'run', 'before', 'after', 'preserve_order', 'communicator_required', 'id', 'name']);

/** Configuration-management provisioners (the seed's "configuration management": Chef, Puppet, Ansible, Salt ...). */
export const CM_PROVISIONERS = new Set([
  'ansible', 'ansible_local', 'chef_solo', 'chef_zero', 'chef_client', 'chef_apply', 'puppet', 'puppet_server', 'salt', 'cfengine',
]);

/** Namespaces plugins add to `config` (so they are not typos of core ones). */
export const PLUGIN_NAMESPACES = new Set([
  'cache', 'vbguest', 'hostmanager', 'hostsupdater', 'goodhosts', 'disksize', 'proxy', 'ignition', 'env', 'dns', 'landrush',
  'berkshelf', 'omnibus', 'librarian_chef', 'persistent_storage', 'registration', 'winnfsd', 'bindfs', 'notify_forwarder',
  'timezone', 'sshfs', 'triggers', 'docker_compose', 'git', 'vagrant_share', 'nfs_guest', 'hosts', 'reload', 'secret',
  'cachier', 'vbox', 'digitalocean', 'alpine', 'hostsupdater_ip', 'gatling', 'parallels', 'libvirt', 'lxc', 'aws', 'ssh_config',
]);

/** Settings of Vagrant 1.x (`Vagrant::Config.run`) that people still write in v2 blocks, with the v2 replacement. */
export const V1_SETTINGS: Record<string, string> = {
  'vm.forward_port': 'config.vm.network "forwarded_port", guest: ..., host: ...',
  'vm.share_folder': 'config.vm.synced_folder "host/path", "/guest/path"',
  'vm.customize': 'a provider block: config.vm.provider "virtualbox" do |vb| vb.customize [...] end',
  'vm.boot_mode': 'vb.gui = true in a provider block',
  'ssh.max_tries': 'config.vm.boot_timeout',
  'ssh.timeout': 'config.vm.boot_timeout',
  'ssh.forwarded_port_key': 'nothing (removed)',
};

/** Keyword options of `vm.network` per network type (core and VirtualBox ones; `provider__x` options pass through). */
export const NETWORK_OPTIONS: Record<string, Set<string>> = {
  forwarded_port: new Set(['guest', 'host', 'host_ip', 'guest_ip', 'protocol', 'auto_correct', 'id', 'disabled']),
  private_network: new Set([
    'ip', 'id', 'type', 'netmask', 'auto_config', 'hostname', 'mac', 'name', 'nic_type', 'adapter', 'intnet', 'dhcp_ip', 'dhcp_lower',
    'dhcp_upper', 'gateway', 'autostart', 'prefix', 'vlan', 'bridge', 'dev', 'mode', 'mtu', 'network_name', 'model_type',
  ]),
  public_network: new Set([
    'ip', 'id', 'type', 'netmask', 'auto_config', 'bridge', 'use_dhcp_assigned_default_route', 'mac', 'nic_type', 'adapter', 'dev',
    'mode', 'network_name', 'mtu', 'model_type', 'gateway',
  ]),
};

/** Keyword options of `vm.synced_folder` (core, NFS, rsync, SMB, VirtualBox). */
export const SYNCED_FOLDER_OPTIONS = new Set([
  'type', 'disabled', 'create', 'owner', 'group', 'mount_options', 'id', 'automount', 'nfs', 'nfs_export', 'nfs_udp',
  'nfs_version', 'map_uid', 'map_gid', 'smb_host', 'smb_username', 'smb_password', 'SharedFoldersEnableSymlinksCreate',
]);

/** Keyword options of `vm.define`. */
export const DEFINE_OPTIONS = new Set(['primary', 'autostart']);

/** Settings whose value is a boolean: `"false"` there is a string, and every string is true in Ruby. */
export const BOOLEAN_SETTINGS: Record<string, Set<string>> = {
  vm: new Set([
    'box_check_update', 'box_download_insecure', 'box_download_location_trusted', 'allow_fstab_modification',
    'allow_hosts_modification', 'ignore_box_vagrantfile', 'cloud_init_first_boot_only',
  ]),
  ssh: new Set(['insert_key', 'forward_agent', 'forward_x11', 'keys_only', 'pty', 'compression', 'dsa_authentication', 'keep_alive', 'disable_deprecated_algorithms']),
  winrm: new Set(['basic_auth_only', 'ssl_peer_verification']),
  'provider:virtualbox': new Set(['gui', 'linked_clone', 'check_guest_additions', 'functional_vboxsf', 'auto_nat_dns_proxy', 'destroy_unused_network_interfaces']),
  'provider:hyperv': new Set(['enable_virtualization_extensions', 'enable_checkpoints', 'enable_automatic_checkpoints', 'enable_enhanced_session_mode', 'linked_clone', 'differencing_disk']),
  'provider:libvirt': new Set(['nested', 'random_hostname', 'qemu_use_session', 'kvm_hidden', 'mgmt_attach']),
  'provider:docker': new Set(['has_ssh', 'privileged', 'remains_running', 'force_host_vm', 'pull']),
  'provisioner:shell': new Set(['privileged', 'binary', 'keep_color', 'reboot', 'reset', 'sensitive', 'powershell_elevated_interactive']),
  'provisioner:ansible': new Set(['become', 'ask_become_pass', 'ask_vault_pass', 'force_remote_user', 'host_key_checking']),
  'provisioner:ansible_local': new Set(['become', 'install']),
  'kwargs:forwarded_port': new Set(['auto_correct', 'disabled']),
  'kwargs:private_network': new Set(['auto_config']),
  'kwargs:public_network': new Set(['auto_config', 'use_dhcp_assigned_default_route']),
  'kwargs:synced_folder': new Set(['disabled', 'create', 'nfs', 'nfs_export', 'nfs_udp', 'automount']),
  'kwargs:define': new Set(['primary', 'autostart']),
};

/** Settings that hold a credential: a literal value there ends up in version control. */
export const SECRET_SETTINGS: Record<string, Set<string>> = {
  ssh: new Set(['password']),
  winssh: new Set(['password']),
  winrm: new Set(['password']),
  'provider:aws': new Set(['access_key_id', 'secret_access_key', 'session_token']),
  'provider:docker': new Set(['password']),
  'provider:libvirt': new Set(['password']),
  'provider:digital_ocean': new Set(['token']),
  'provider:azure': new Set(['client_secret']),
  'provider:openstack': new Set(['password']),
  'provider:vsphere': new Set(['password']),
  'provider:vcenter': new Set(['password']),
  'provider:vcloud': new Set(['password']),
  'provider:rackspace': new Set(['api_key']),
  'provider:linode': new Set(['token']),
  'provider:proxmox': new Set(['password']),
  'provider:vmware_esxi': new Set(['esxi_password']),
  'kwargs:synced_folder': new Set(['smb_password']),
};

/**
 * Well-known credentials that are public by design (the Vagrant base box convention: user and password
 * "vagrant"); a literal of these is not a leaked secret.
 */
export const PUBLIC_PASSWORDS = new Set(['vagrant', '', 'root', 'password', 'admin', 'changeme', 'secret', 'test', 'example', 'xxx', 'xxxx', 'xxxxxx', '***', '******', 'dummy', 'none', 'null', 'nil', 'todo', 'tbd', 'fixme', 'redacted']);

/**
 * A value that stands for a secret rather than being one: `<password>`, `{{ token }}`, `${TOKEN}`, `CHANGEME`,
 * `YOUR_API_KEY`, `your-token-here`, `xxxxxxxx`, `...`, or a value equal to the setting's own name (`password`).
 */
export function placeholderSecret(value: string, key: string): boolean {
  const v = value.trim();
  if (PUBLIC_PASSWORDS.has(v.toLowerCase())) return true;
  if (/^<[^<>]*>$|^\{\{.*\}\}$|^\$\{[^}]*\}$|^%[A-Za-z_]+%$|^\[[^\]]*\]$/.test(v)) return true;
  if (/change[-_ ]?me|^your[-_ ]|^your[A-Z]|^(?:my|the)[-_ ]?(?:password|secret|token|key)$|here$|^(?:x+|\*+|\.+|-+|0+)$/i.test(v)) return true;
  if (/^(?:YOUR|MY|ENTER|INSERT|REPLACE|SET|PUT)_[A-Z0-9_]+$/.test(v) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) && /(?:KEY|SECRET|TOKEN|PASSWORD|PASS|ID)$/.test(v)) return true;
  const norm = (x: string) => x.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (norm(v) && (norm(v) === norm(key) || norm(key).endsWith(norm(v)) && norm(v).length >= 4)) return true;
  return false;
}

/** Root namespaces whose config classes do not check for unknown settings: Vagrant 2.3.4 accepts any name there. */
export const UNVALIDATED_NAMESPACES = new Set(['winrm', 'windows']);

export interface EolBox {
  pattern: RegExp;
  /** Distribution and release; `$1` is replaced by the pattern's first group. */
  release: string;
  /** When the distribution's (standard) support ended, ISO date. */
  eol: string;
  /** Replaces "on <eol>" when the pattern covers several releases. */
  eolNote?: string;
  /** A maintained box to move to. */
  instead: string;
}

const UBUNTU_RELEASES: [string, string, string][] = [
  ['lucid', '10.04', '2015-04-30'], ['precise', '12.04', '2017-04-28'], ['quantal', '12.10', '2014-05-16'],
  ['raring', '13.04', '2014-01-27'], ['saucy', '13.10', '2014-07-17'], ['trusty', '14.04', '2019-04-30'],
  ['utopic', '14.10', '2015-07-23'], ['vivid', '15.04', '2016-02-04'], ['wily', '15.10', '2016-07-28'],
  ['xenial', '16.04', '2021-04-30'], ['yakkety', '16.10', '2017-07-20'], ['zesty', '17.04', '2018-01-13'],
  ['artful', '17.10', '2018-07-19'], ['bionic', '18.04', '2023-05-31'], ['cosmic', '18.10', '2019-07-18'],
  ['disco', '19.04', '2020-01-23'], ['eoan', '19.10', '2020-07-17'], ['focal', '20.04', '2025-05-29'],
  ['groovy', '20.10', '2021-07-22'], ['hirsute', '21.04', '2022-01-20'], ['impish', '21.10', '2022-07-14'],
  ['kinetic', '22.10', '2023-07-20'], ['lunar', '23.04', '2024-01-25'], ['mantic', '23.10', '2024-07-11'],
];

function ubuntuBoxes(): EolBox[] {
  const out: EolBox[] = [];
  for (const [code, version, eol] of UBUNTU_RELEASES) {
    const compact = version.replace('.', '');
    out.push({
      // ubuntu/trusty64, hashicorp/precise64, trusty64, generic/ubuntu1604, bento/ubuntu-16.04(-i386)
      // repackaged boxes that carry the release in their name: puphpet/ubuntu-trusty64-x64, myorg/php-trusty64-base
      pattern: new RegExp(`^(?:(?:ubuntu|hashicorp|[\\w.-]+)/)?${code}(?:32|64)$|^(?:generic|roboxes|bento|geerlingguy|parallels)/ubuntu-?(?:${compact}|${version.replace('.', '\\.')})(?:-i386|-arm64)?$|^[\\w.-]+/(?:[\\w.]+[-_])?${code}(?:32|64)(?:[-_][\\w.-]+)?$`, 'i'),
      release: `Ubuntu ${version} (${code})`,
      eol,
      instead: 'bento/ubuntu-24.04 (or bento/ubuntu-22.04)',
    });
  }
  return out;
}

/**
 * Boxes of releases past their end of life (dates: the distributions' own announcements; Ubuntu's are the end
 * of standard support). The engine does not read the clock: every entry here is already past.
 */
export const EOL_BOXES: EolBox[] = [
  ...ubuntuBoxes(),
  { pattern: /^(?:centos\/|(?:bento|parallels)\/centos-|generic\/centos|roboxes\/centos)6(?:\.\d+)?(?:-i386)?$/i, release: 'CentOS 6', eol: '2020-11-30', instead: 'bento/almalinux-9 or bento/rockylinux-9' },
  { pattern: /^(?:centos\/|(?:bento|parallels)\/centos-|generic\/centos|roboxes\/centos)7(?:\.\d+)?$/i, release: 'CentOS 7', eol: '2024-06-30', instead: 'bento/almalinux-9 or bento/rockylinux-9' },
  { pattern: /^(?:centos\/|(?:bento|parallels)\/centos-|generic\/centos|roboxes\/centos)8(?:\.\d+)?$/i, release: 'CentOS Linux 8', eol: '2021-12-31', instead: 'bento/almalinux-8 or bento/rockylinux-8' },
  { pattern: /^(?:centos\/stream8|bento\/centos-stream-8|generic\/centos8s)$/i, release: 'CentOS Stream 8', eol: '2024-05-31', instead: 'bento/centos-stream-9 or bento/almalinux-9' },
  { pattern: /^(?:debian\/wheezy64|(?:bento|generic|geerlingguy|roboxes|parallels)\/debian-?7(?:\.\d+)?)$/i, release: 'Debian 7 (wheezy)', eol: '2018-05-31', instead: 'debian/bookworm64 or bento/debian-12' },
  { pattern: /^(?:debian\/jessie64|(?:bento|generic|geerlingguy|roboxes|parallels)\/debian-?8(?:\.\d+)?)$/i, release: 'Debian 8 (jessie)', eol: '2020-06-30', instead: 'debian/bookworm64 or bento/debian-12' },
  { pattern: /^(?:debian\/stretch64|(?:bento|generic|geerlingguy|roboxes|parallels)\/debian-?9(?:\.\d+)?)$/i, release: 'Debian 9 (stretch)', eol: '2022-06-30', instead: 'debian/bookworm64 or bento/debian-12' },
  { pattern: /^(?:debian\/buster64|(?:bento|generic|geerlingguy|roboxes|parallels)\/debian-?10(?:\.\d+)?)$/i, release: 'Debian 10 (buster)', eol: '2024-06-30', instead: 'debian/bookworm64 or bento/debian-12' },
  { pattern: /^(?:debian\/bullseye64|(?:bento|generic|geerlingguy|roboxes|parallels)\/debian-?11(?:\.\d+)?)$/i, release: 'Debian 11 (bullseye)', eol: '2026-08-31', instead: 'debian/bookworm64 or bento/debian-12' },
  { pattern: /^fedora\/(2\d|3\d|40)-cloud-base$|^(?:bento|generic)\/fedora-?(2\d|3\d|40)(?:-arm64)?$/i, release: 'Fedora $1', eol: '2025-05-13', eolNote: 'by 2025-05-13 at the latest (Fedora 40 was the last of these)', instead: 'a current fedora/<release>-cloud-base or bento/fedora box' },
  { pattern: /^freebsd\/FreeBSD-(1[12])\.\d+-(?:RELEASE|STABLE)$|^(?:bento|generic)\/freebsd-?(1[12])(?:\.\d+)?$/i, release: 'FreeBSD $1', eol: '2023-12-31', eolNote: 'by 2023-12-31 at the latest (FreeBSD 11 in 2021, 12 at the end of 2023)', instead: 'a FreeBSD 14 box (freebsd/FreeBSD-14.x-RELEASE or bento/freebsd-14)' },
];

/** The end-of-life entry a box name matches, with its release filled in; undefined for a maintained box. */
export function eolBox(name: string): (EolBox & { releaseText: string }) | undefined {
  for (const b of EOL_BOXES) {
    const m = b.pattern.exec(name);
    if (m) return { ...b, releaseText: b.release.replace('$1', m.slice(1).find((g) => g !== undefined) ?? '') };
  }
  return undefined;
}

/** Boxes that were never published, or no longer are, under the name people use. */
export const MISSING_BOXES: { pattern: RegExp; why: string; instead: string }[] = [
  {
    pattern: /^ubuntu\/(?:noble|oracular|plucky|questing)64$/i,
    why: 'Canonical stopped building Vagrant boxes with Ubuntu 24.04, so the "ubuntu/" namespace has none for this release',
    instead: 'bento/ubuntu-24.04',
  },
];
