import { z } from 'zod';

/**
 * Schema of this kind's hover reference in `data/reference/vagrant/*.yaml` (merged into one object at build time).
 * Keep it small enough to bundle; very large tables (the MySQL variable reference) are separate assets.
 */
export const vagrantReferenceSchema = z.record(z.string(), z.unknown()).default({});
