import type * as z from 'zod';
import type { resetOffsetsSchema } from '@sluice/api';

// The group endpoints' bodies are the contract's (@sluice/api).
export { groupIdSchema, resetOffsetsSchema } from '@sluice/api';

export type ResetOffsetsRequest = z.output<typeof resetOffsetsSchema>;
