import { migratePipeline } from './migrations.js';
import { pipelineSchema, type Pipeline } from './pipeline.js';
import { expressionIssues } from './validation/expressions.js';
import { readGraph } from './validation/graph-view.js';
import { graphIssues } from './validation/graph.js';
import type { ValidationIssue } from './validation/issue.js';
import { shapeIssues } from './validation/shape.js';

/**
 * `ok: false` carries every issue found. Drafts are allowed to be invalid, so when only wiring or
 * expressions are wrong (the shape is sound) the parsed, defaulted `pipeline` comes along too, for
 * a caller that stores drafts.
 */
export type ValidationResult =
  | { ok: true; pipeline: Pipeline }
  | { ok: false; issues: ValidationIssue[]; pipeline?: Pipeline };

/**
 * Upgrades a pipeline document to the current schema version, then checks its shape, its
 * expressions and its wiring, and reports all problems at once.
 */
export function validatePipeline(input: unknown): ValidationResult {
  const migrated = migratePipeline(input);
  if (!migrated.ok) return { ok: false, issues: [migrated.issue] };
  const document = migrated.document;

  const parsed = pipelineSchema.safeParse(document);
  const issues = parsed.success ? [] : shapeIssues(parsed.error.issues, document);
  issues.push(...expressionIssues(document));
  // Without a node list every edge would dangle; the shape issue already says what to fix.
  if (Array.isArray(document.nodes)) issues.push(...graphIssues(readGraph(document)));

  if (!parsed.success) return { ok: false, issues };
  if (issues.length > 0) return { ok: false, issues, pipeline: parsed.data };
  return { ok: true, pipeline: parsed.data };
}
