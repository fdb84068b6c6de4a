/**
 * Every setting (method) a config object accepts, per root namespace, provider and provisioner: from the config
 * classes Vagrant 2.3.4 registers (plus vagrant-libvirt 0.11.2), extended with the settings later releases added
 * (vm.box_architecture, vm.box_download_disable_ssl_revoke_best_effort and vm.cloud_init_first_boot_only in
 * 2.4.x; ssh.key_type, ssh.connect_retries, ssh.connect_retry_delay in 2.4.x and
 * ssh.disable_deprecated_algorithms in 2.3.7). Source: ../shared/data/vagrant-2.3.4-config-methods.json.
 * Names are space-separated to keep the bundle small; setters (`box=`) are folded into their names.
 */
const ROOT = {
  smb: "functional",
  nfs: "functional map_gid map_uid verify_installed",
  winssh: "compression config connect_timeout default dsa_authentication export_command_template extra_args forward_agent forward_env forward_x11 guest_port host insert_key keep_alive keys_only paranoid password port private_key_path proxy_command pty remote_user shell ssh_command sudo_command upload_directory username verify_host_key",
  winrm: "basic_auth_only codepage execution_time_limit guest_port host max_tries password port retry_delay ssl_peer_verification timeout transport username",
  ssh: "compression config connect_retries connect_retry_delay connect_timeout default disable_deprecated_algorithms dsa_authentication export_command_template extra_args forward_agent forward_env forward_x11 guest_port host insert_key keep_alive key_type keys_only paranoid password port private_key_path proxy_command pty remote_user shell ssh_command sudo_command username verify_host_key",
  package: "name",
  push: "define name",
  vagrant: "format_plugins host plugins sensitive",
  vm: "allow_fstab_modification allow_hosts_modification allowed_synced_folder_types base_address base_mac boot_timeout box box_architecture box_check_update box_download_ca_cert box_download_ca_path box_download_checksum box_download_checksum_type box_download_client_cert box_download_disable_ssl_revoke_best_effort box_download_insecure box_download_location_trusted box_download_options box_extra_download_options box_server_url box_url box_version clone cloud_init cloud_init_configs cloud_init_first_boot_only communicator define defined_vm_keys defined_vms disk disks get_provider_config get_provider_overrides graceful_halt_timeout guest host_name hostname ignore_box_vagrantfile network networks post_up_message presence present? provider provision provisioners synced_folder synced_folders usable_port_range",
  trigger: "after after_triggers before before_triggers create_trigger",
  solaris11: "device halt_check_interval halt_timeout suexec_cmd",
  solaris: "device halt_check_interval halt_timeout suexec_cmd",
  smartos: "device suexec_cmd",
  windows: "set_work_network",
  rdp: "port search_port username",
};

const PROVIDERS = {
  virtualbox: "auto_nat_dns_proxy check_guest_additions cpus customizations customize default_nic_type destroy_unused_network_interfaces functional_vboxsf gui linked_clone linked_clone_snapshot memory name network_adapter network_adapters",
  docker: "auth_server build_args build_dir cmd compose compose_configuration create_args dockerfile email env expose force_host_vm git_repo has_ssh host_vm_build_dir_options image link name password ports privileged pull remains_running stop_timeout username vagrant_machine vagrant_vagrantfile volumes",
  hyperv: "auto_start_action auto_stop_action cpus differencing_disk enable_automatic_checkpoints enable_checkpoints enable_enhanced_session_mode enable_virtualization_extensions ip_address_timeout linked_clone mac maxmemory memory vlan_id vm_integration_services vmname",
  libvirt: "autostart boot boot_order cdroms channel channels clock_offset clock_timer clock_timers cmd_line connect_via_ssh cpu_affinity cpu_fallback cpu_feature cpu_features cpu_mode cpu_model cpu_topology cpuaffinitiy cpus cpuset cputopology default_prefix default_synced_folder_type description disk_address_type disk_bus disk_controller_model disk_device disk_driver disk_driver_opts disks driver dtb emulator_path features features_hyperv floppies forward_ssh_port graphics_autoport graphics_gl graphics_ip graphics_passwd graphics_port graphics_type graphics_websocket host host_device_exclude_prefixes hyperv_feature id_ssh_key_file impl_opts initrd input inputs kernel keymap kvm_hidden launchsecurity launchsecurity_data loader machine_arch machine_type machine_virtual_size management_network_address management_network_autostart management_network_device management_network_domain management_network_driver_iommu management_network_guest_ipv6 management_network_keep management_network_mac management_network_mode management_network_mtu management_network_name management_network_pci_bus management_network_pci_slot memballoon_enabled memballoon_model memballoon_pci_bus memballoon_pci_slot memory memory_backing memorybacking memtune memtunes mgmt_attach nested nic_adapter_count nic_model_type nodeset numa_nodes nvram password pci pcis plugins port proxy_command qemu_args qemu_env qemu_use_agent qemu_use_session qemuargs qemuenv random random_hostname redirdev redirdevs redirfilter redirfilters rng save_synced_folders scoped_hash_override serial serials shares smartcard smartcard_dev snapshot_pool_name socket sound_type storage storage_pool_name storage_pool_path suspend_mode synced_folders synced_folders_diff sysinfo system_uri title tpm_model tpm_path tpm_type tpm_version uri usb usb_controller usbctl_dev usbs username uuid video_accel3d video_type video_vram volume_cache watchdog watchdog_dev",
};

const PROVISIONERS = {
  file: "destination source",
  podman: "build_image build_images containers images kubic post_install_provision post_install_provisioner pull_images run",
  salt: "always_install bootstrap_options bootstrap_script colorize grains_config install_args install_master install_syndic install_type log_level master_config master_id master_json_config master_key master_pub masterless minion_config minion_id minion_json_config minion_key minion_pub no_minion orchestrations pillar pillar_data python_version run_highstate run_overstate run_service salt_args salt_call_args seed_master temp_config_dir verbose version",
  cfengine: "am_policy_hub classes deb_repo_file deb_repo_line extra_agent_args files_path force_bootstrap install mode package_name policy_server_address repo_gpg_key_url run_file upload_path yum_repo_file yum_repo_url",
  docker: "build_image build_images containers images post_install_provision post_install_provisioner pull_images run",
  shell: "args args_valid? binary env inline keep_color md5 name path powershell_args powershell_elevated_interactive privileged reboot remote? reset sensitive sha1 sha256 sha384 sha512 upload_path",
  ansible: "ask_become_pass ask_sudo_pass ask_vault_pass become become_user compatibility_mode config_file extra_vars force_remote_user galaxy_command galaxy_role_file galaxy_roles_path groups host_key_checking host_vars inventory_path limit playbook playbook_command raw_arguments raw_ssh_args skip_tags start_at_task sudo sudo_user tags vault_password_file verbose version",
  ansible_local: "become become_user compatibility_mode config_file extra_vars galaxy_command galaxy_role_file galaxy_roles_path groups host_vars install install_mode inventory_path limit pip_args pip_install_cmd playbook playbook_command provisioning_path raw_arguments skip_tags start_at_task sudo sudo_user tags tmp_path vault_password_file verbose version",
  chef_apply: "binary_env binary_path channel install installer_download_path log_level omnibus_url presence present? product recipe upload_path validate_base version",
  chef_client: "add_recipe add_role arguments attempts binary_env binary_path channel chef_server_url client_key_path custom_config_path delete_client delete_node enable_reporting encrypted_data_bag_secret_key_path environment file_backup_path file_cache_path formatter http_proxy http_proxy_pass http_proxy_user https_proxy https_proxy_pass https_proxy_user install installer_download_path json log_level no_proxy node_name omnibus_url presence present? product provisioning_path run_list validate_base validation_client_name validation_key_path verbose_logging version",
  chef_solo: "add_recipe add_role arguments attempts binary_env binary_path channel cookbooks_path custom_config_path data_bags_path enable_reporting encrypted_data_bag_secret_key_path environment environments_path file_backup_path file_cache_path formatter http_proxy http_proxy_pass http_proxy_user https_proxy https_proxy_pass https_proxy_user install installer_download_path json legacy_mode log_level no_proxy node_name nodes_path omnibus_url presence present? product provisioning_path recipe_url roles_path run_list synced_folder_type validate_base verbose_logging version",
  chef_zero: "add_recipe add_role arguments attempts binary_env binary_path channel cookbooks_path custom_config_path data_bags_path enable_reporting encrypted_data_bag_secret_key_path environment environments_path file_backup_path file_cache_path formatter http_proxy http_proxy_pass http_proxy_user https_proxy https_proxy_pass https_proxy_user install installer_download_path json log_level no_proxy node_name nodes_path omnibus_url presence present? product provisioning_path roles_path run_list synced_folder_type validate_base verbose_logging version",
  puppet: "binary_path environment environment_path environment_variables expanded_module_paths facter hiera_config_path manifest_file manifests_path module_path nfs options structured_facts synced_folder_args synced_folder_type temp_dir working_directory",
  puppet_server: "binary_path client_cert_path client_private_key_path facter options puppet_node puppet_server",
  container: "build_image build_images containers images post_install_provision post_install_provisioner pull_images run",
};

function table(src: Record<string, string>): Map<string, Set<string>> {
  return new Map(Object.entries(src).map(([k, v]) => [k, new Set(v.split(' '))]));
}

/** Root namespaces of a v2 config (`config.vm`, `config.ssh` ...) and their settings. */
export const ROOT_SETTINGS = table(ROOT);
/** Settings of the provider config objects we know completely. */
export const PROVIDER_SETTINGS = table(PROVIDERS);
/** Settings of each provisioner's config object. */
export const PROVISIONER_SETTINGS = table(PROVISIONERS);

/**
 * Vagrant 1 configuration (`Vagrant::Config.run`), as Vagrant 2.3.4 still loads it (plugins/kernel_v1/config):
 * each root namespace and the methods its config object answers.
 */
export const V1_ROOT_SETTINGS = table({
  vm: 'name auto_port_range base_mac boot_mode box box_url guest host_name customizations networks provisioners shared_folders forward_port share_folder network provision customize define defined_vms defined_vm_keys',
  ssh: 'username password host port guest_port max_tries timeout private_key_path forward_agent forward_x11 forward_env shell',
  nfs: 'map_uid map_gid',
  package: 'name',
  vagrant: 'dotfile_name host',
});
