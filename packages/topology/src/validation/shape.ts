import type * as z from 'zod';
import { isNodeType, nodeTypeInfo } from '../catalogue.js';
import { NODE_TYPES } from '../nodes/index.js';
import { didYouMean } from '../suggest.js';
import { formatPath, ownerOf, valueAt, type IssueCode, type ValidationIssue } from './issue.js';

type ZodIssue = z.core.$ZodIssue;

/** zod's findings on the document's shape, rewritten as issues a person can act on. */
export function shapeIssues(zodIssues: readonly ZodIssue[], document: unknown): ValidationIssue[] {
  return zodIssues.flatMap((issue) => describe(issue, document));
}

function describe(issue: ZodIssue, document: unknown): ValidationIssue[] {
  const segments = issue.path;
  const owner = ownerOf(document, segments);
  const make = (code: IssueCode, message: string, path = segments): ValidationIssue => ({
    code,
    path: formatPath(path),
    ...owner,
    message,
  });
  const received = valueAt(document, segments);
  const field = fieldName(segments);

  switch (issue.code) {
    case 'invalid_union':
      if (issue.discriminator === 'type') return [make('unknown-node-type', unknownType(received))];
      return [make('invalid-value', issue.message)];
    case 'invalid_type':
      if (received === undefined) return [make('required', `${field} is required`)];
      return [make('invalid-type', `${field} must be ${expectedWords(issue.expected)}, not ${describeValue(received)}`)];
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof received === 'string' ? didYouMean(received, issue.values.map(String)) : '';
      return [make('invalid-value', `${field} must be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}, not ${describeValue(received)}${hint}`)];
    }
    case 'unrecognized_keys': {
      const known = knownKeys(document, segments);
      return issue.keys.map((key) => {
        const hint = didYouMean(key, known) || (known.length > 0 ? `: the fields here are ${known.join(', ')}` : ': remove it');
        return make('unknown-field', `unknown field "${key}"${hint}`, [...segments, key]);
      });
    }
    default:
      // Length, pattern and custom checks carry messages written for people in the schemas.
      return [make('invalid-value', issue.message)];
  }
}

function unknownType(received: unknown): string {
  const all = NODE_TYPES.join(', ');
  if (received === undefined) return `type is required: one of ${all}`;
  if (typeof received !== 'string') return `type must be a node type name (one of ${all}), not ${describeValue(received)}`;
  const hint = didYouMean(received, NODE_TYPES);
  return hint ? `unknown node type "${received}"${hint}` : `unknown node type "${received}": use one of ${all}`;
}

/** The config keys a node type (or a branch predicate, or settings) accepts, for suggestions. */
function knownKeys(document: unknown, segments: readonly PropertyKey[]): string[] {
  if (segments.length === 1 && segments[0] === 'settings') return ['consumerGroup', 'deadLetterTopic'];
  if (segments[0] !== 'nodes' || segments[2] !== 'config') return [];
  const type = valueAt(document, [segments[0], segments[1], 'type']);
  if (!isNodeType(type)) return [];
  if (segments.length === 3) return nodeTypeInfo(type).fields.map((f) => f.name);
  if (segments.length === 5 && segments[3] === 'predicates') return ['name', 'expression'];
  return [];
}

function fieldName(segments: readonly PropertyKey[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (typeof segment === 'string') {
      const index = segments[i + 1];
      return typeof index === 'number' ? `each entry of ${segment}` : segment;
    }
  }
  return 'the pipeline';
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function expectedWords(expected: string): string {
  return EXPECTED_WORDS[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
