import { z } from 'zod';

/**
 * Schema of the Vagrantfile hover reference in `data/reference/vagrant/*.yaml` (files are merged by their top-level
 * keys at build time, so each top-level key lives in one file). All text is our own words; facts (types, defaults,
 * allowed values, versions) come from the Vagrant documentation and source.
 */

/** One setting, option or method. */
export const vagrantSettingSchema = z
  .object({
    /** One sentence: what it does. */
    summary: z.string().min(10),
    /** Ruby type as written in a Vagrantfile: string, boolean, integer, symbol, array, hash, method ... */
    type: z.string().min(3).optional(),
    /** Default as Vagrant applies it (`"ssh"`, `true`, "none (the box decides)"). */
    default: z.string().optional(),
    /** The accepted values, when they are a closed set. */
    values: z.array(z.string()).optional(),
    /** More detail (Markdown). */
    details: z.string().optional(),
    /** First Vagrant (or plugin) version that has it. */
    since: z.string().optional(),
    /** What to use instead, when deprecated. */
    deprecated: z.string().optional(),
    /** Our advice (Markdown). */
    advice: z.string().optional(),
    /** Rules that check this setting. */
    rules: z.array(z.string().regex(/^VGT\d{3}$/)).optional(),
  })
  .strict();
export type VagrantSetting = z.infer<typeof vagrantSettingSchema>;

/** A group of settings: a config namespace, a network type, a provider, a provisioner. */
export const vagrantGroupSchema = z
  .object({
    /** How it is written (`config.vm`, `config.vm.network "forwarded_port"`, `config.vm.provider "virtualbox"`). */
    title: z.string().min(2),
    summary: z.string().min(10),
    details: z.string().optional(),
    docs: z.string().url(),
    settings: z.record(z.string(), vagrantSettingSchema).default({}),
  })
  .strict();
export type VagrantGroup = z.infer<typeof vagrantGroupSchema>;

export const vagrantReferenceSchema = z
  .object({
    /** `Vagrant.configure` and other top-level calls. */
    toplevel: z.record(z.string(), vagrantSettingSchema).default({}),
    /** Root namespaces of a v2 config: vm, ssh, winrm, vagrant ... */
    namespaces: z.record(z.string(), vagrantGroupSchema).default({}),
    /** Options of `config.vm.network` per network type. */
    networks: z.record(z.string(), vagrantGroupSchema).default({}),
    /** Options of `config.vm.synced_folder`, of `config.vm.define`, and those every `config.vm.provision` takes. */
    calls: z
      .object({ synced_folder: vagrantGroupSchema.optional(), define: vagrantGroupSchema.optional(), provision: vagrantGroupSchema.optional() })
      .strict()
      .default({}),
    providers: z.record(z.string(), vagrantGroupSchema).default({}),
    provisioners: z.record(z.string(), vagrantGroupSchema).default({}),
  })
  .strict()
  .default({ toplevel: {}, namespaces: {}, networks: {}, calls: {}, providers: {}, provisioners: {} });
export type VagrantReference = z.infer<typeof vagrantReferenceSchema>;
