import { formatIssue, validatePipeline, type Pipeline, type ValidationIssue } from '@sluice/topology';
import { InvalidRequestError } from '../errors.js';

/** A pipeline document as the API received or stored it, validated once. */
export interface CheckedDocument {
  /** The name it is known and listed by (unique). */
  readonly name: string;
  /** What is stored: the validated pipeline with defaults, or a draft as written. */
  readonly definition: Record<string, unknown>;
  /** Present when the document can run. */
  readonly pipeline?: Pipeline;
  readonly issues: readonly ValidationIssue[];
}

/**
 * Validates a pipeline document. Drafts may be invalid (their issues come back), as long as they
 * are an object with a name; a document to deploy must be valid.
 */
export function checkDocument(input: unknown, { draft }: { draft: boolean }): CheckedDocument {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidRequestError('the request body must be a pipeline document (a JSON object with schemaVersion, name, nodes and edges)');
  }
  const result = validatePipeline(input);
  if (result.ok) return { name: result.pipeline.name, definition: result.pipeline as Record<string, unknown>, pipeline: result.pipeline, issues: [] };
  const raw = input as Record<string, unknown>;
  if (!draft) {
    const name = typeof raw.name === 'string' ? `pipeline "${raw.name}"` : 'the pipeline';
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more issue${result.issues.length > 2 ? 's' : ''})` : '';
    throw new InvalidRequestError(`${name} is not valid: ${formatIssue(result.issues[0]!)}${more}`, result.issues);
  }
  const name = result.pipeline?.name ?? raw.name;
  if (typeof name !== 'string' || name.trim() === '') {
    const nameIssues = result.issues.filter((i) => i.path === 'name');
    throw new InvalidRequestError('a draft needs a name to be saved under: set "name"', nameIssues.length > 0 ? nameIssues : result.issues);
  }
  return { name, definition: (result.pipeline as Record<string, unknown> | undefined) ?? raw, issues: result.issues };
}

/**
 * The part of a pipeline that changes what runs: canvas positions, labels and descriptions do
 * not, so saving a moved node does not restart a running pipeline.
 */
export function runtimeShape(pipeline: Pipeline): string {
  const { description: _description, ...rest } = pipeline;
  return JSON.stringify({
    ...rest,
    nodes: pipeline.nodes.map(({ position: _position, label: _label, ...node }) => node),
  });
}
