import { z } from 'zod';
import { dockerfileReferenceSchema } from '../dockerfile/reference-schema';
import { mycnfReferenceSchema } from '../mycnf/reference-schema';
import { vagrantReferenceSchema } from '../vagrant/reference-schema';

export const referenceLinkSchema = z.object({ title: z.string().min(1), url: z.string().url() }).strict();

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One way a DL rule differs from hadolint's rule of that code. */
export const hadolintDifferenceSchema = z
  .object({
    /** What we do differently (one or two sentences, Markdown). */
    what: z.string().min(10),
    /** Why (Markdown): hadolint's behaviour and what makes ours the one to keep. */
    why: z.string().min(10),
    /** Where the fact comes from: hadolint's source, BuildKit's, a tool's manual. */
    source: referenceLinkSchema,
  })
  .strict();
export const hadolintStatusSchema = z.union([z.literal('same'), z.object({ differs: z.array(hadolintDifferenceSchema).min(1) }).strict()]);
export type HadolintStatus = z.infer<typeof hadolintStatusSchema>;

/** Documentation of one rule, in `data/rules/*.yaml`. The rule's logic and metadata live in code; they join on `code`. */
export const ruleDocSchema = z
  .object({
    code: z.string().regex(/^(DL\d{4}|DKR\d{3}|MYC\d{3}|VGT\d{3}|DG\d{3})$/),
    name: z.string().regex(kebab),
    /** One sentence: what the rule finds. */
    summary: z.string().min(10),
    /** Why it matters, in our own words (Markdown). */
    why: z.string().min(40),
    /** A snippet that triggers the rule. */
    bad: z.string().min(1),
    /** The same snippet, fixed. */
    good: z.string().min(1),
    /** How to fix it (Markdown). */
    fix: z.string().min(10),
    /** Configuration the rule reads, if any (Markdown). */
    options: z.string().optional(),
    references: z.array(referenceLinkSchema).min(1),
    topics: z.array(z.string().regex(kebab)).min(1),
    /** Tags editors act on: `deprecated` = the finding is about something deprecated or removed (shown struck through). */
    tags: z.array(z.enum(['deprecated'])).optional(),
    /** Set when the bad/good examples cannot be checked by linting them alone (e.g. the rule needs configuration). */
    exampleConfig: z.record(z.string(), z.unknown()).optional(),
    /**
     * DL rules only (required there): how the rule compares with hadolint's rule of the same code. `same`, or the list
     * of differences, each with the reason and a source (hadolint's or Docker's code or documentation).
     */
    hadolint: hadolintStatusSchema.optional(),
  })
  .strict();
export type RuleDoc = z.infer<typeof ruleDocSchema>;

export const ruleDocFileSchema = z.array(ruleDocSchema);

/** A DevOps topic page, in `data/topics/<id>.yaml`. */
export const topicSchema = z
  .object({
    id: z.string().regex(kebab),
    title: z.string().min(3),
    summary: z.string().min(20),
    keywords: z.array(z.string().min(2)).min(3),
    /** The page, Markdown, in our own words. */
    body: z.string().min(400),
    related: z.array(z.string().regex(kebab)).default([]),
    references: z.array(referenceLinkSchema).default([]),
  })
  .strict();
export type Topic = z.infer<typeof topicSchema> & { /** Codes of the rules that apply this topic (computed at build). */ rules: string[] };

export const knowledgeBaseSchema = z.object({
  rules: z.array(ruleDocSchema),
  topics: z.array(topicSchema.extend({ rules: z.array(z.string()) })),
  reference: z.object({
    dockerfile: dockerfileReferenceSchema,
    mycnf: mycnfReferenceSchema,
    vagrantfile: vagrantReferenceSchema,
  }),
});
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;
