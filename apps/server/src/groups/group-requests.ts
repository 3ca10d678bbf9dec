import * as z from 'zod';
import { topicNameSchema } from '../topics/topic-requests.js';

export const groupIdSchema = z.string().min(1, { error: 'the group id cannot be empty' }).max(255, { error: 'group ids are at most 255 characters' });

export const resetOffsetsSchema = z
  .strictObject({
    topic: topicNameSchema,
    to: z.enum(['earliest', 'latest', 'offset', 'shift'], { error: 'to must be "earliest", "latest", "offset" or "shift"' }),
    /** The offset (`offset`) or the number of records to move by (`shift`, may be negative). */
    value: z.int().optional(),
    /** Only these partitions; all of the topic's when absent. */
    partitions: z.array(z.int().min(0)).min(1).optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((r) => (r.to === 'offset' || r.to === 'shift' ? r.value !== undefined : r.value === undefined), {
    error: 'value is required with to "offset" or "shift", and only with them',
    path: ['value'],
  })
  .refine((r) => r.to !== 'offset' || (r.value ?? 0) >= 0, { error: 'an offset is 0 or more', path: ['value'] });
export type ResetOffsetsRequest = z.output<typeof resetOffsetsSchema>;
