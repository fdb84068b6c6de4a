import { z } from 'zod';

/**
 * Schema of the Dockerfile hover reference in `data/reference/dockerfile/*.yaml` (merged into one object at build
 * time, bundled in kb.json as `reference.dockerfile`). Text is Markdown written for this project.
 */
const text = z.string().min(1);

/** One option of a flag with sub-options (`--mount=type=cache,target=...`). */
export const flagOptionSchema = z
  .object({
    summary: text,
    /** Mount types (or other variants) the option applies to; absent means all. */
    types: z.array(z.string()).optional(),
    default: z.string().optional(),
  })
  .strict();

export const flagReferenceSchema = z
  .object({
    /** How the flag is written, e.g. `--chmod=<perms>`. */
    syntax: text,
    summary: text,
    body: text.optional(),
    /** Dockerfile frontend version that introduced it (`1.4`), when it is not as old as the instruction. */
    since: z.string().optional(),
    /** Accepted values and what each means. */
    values: z.record(z.string(), text).optional(),
    /** Sub-options (`type`, `target`, `sharing`...). */
    options: z.record(z.string(), flagOptionSchema).optional(),
  })
  .strict();
export type FlagReference = z.infer<typeof flagReferenceSchema>;

export const instructionReferenceSchema = z
  .object({
    syntax: z.array(text).min(1),
    summary: text,
    body: text,
    flags: z.record(z.string(), flagReferenceSchema).optional(),
    docs: z.string().url(),
  })
  .strict();
export type InstructionReference = z.infer<typeof instructionReferenceSchema>;

export const directiveReferenceSchema = z
  .object({
    syntax: text,
    summary: text,
    body: text,
    docs: z.string().url(),
  })
  .strict();

export const dockerfileReferenceSchema = z
  .object({
    /** Keyed by the upper-case instruction name. */
    instructions: z.record(z.string().regex(/^[A-Z]+$/), instructionReferenceSchema),
    /** Parser directives (`syntax`, `escape`, `check`), keyed by lower-case name. */
    directives: z.record(z.string().regex(/^[a-z]+$/), directiveReferenceSchema),
  })
  .strict();
export type DockerfileReference = z.infer<typeof dockerfileReferenceSchema>;
