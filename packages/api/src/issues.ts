import * as z from 'zod';

/**
 * One problem, as every answer carries it: `path` into the document or request ("nodes[1].config.
 * expression"; "" for the whole), the node or edge it belongs to, and for expressions where in the
 * text. Validation issues (topology's ValidationIssue) always have a `code`; a request that does not
 * parse may have none.
 */
export const issueSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  position: z.object({ line: z.number(), column: z.number(), offset: z.number(), length: z.number() }).optional(),
});
export type ApiIssue = z.output<typeof issueSchema>;

/** Every 4xx and 5xx answer: `{ error, issues? }`. */
export const errorBodySchema = z.object({
  error: z.string(),
  issues: z.array(issueSchema).optional(),
});
export type ErrorBody = z.output<typeof errorBodySchema>;
