import { checkExpression, type ExpressionKind } from '../cel.js';
import { isNodeType, nodeTypeInfo } from '../catalogue.js';
import type { ConfigField } from '../nodes/index.js';
import { formatPath, ownerOf, valueAt, type ValidationIssue } from './issue.js';

const KIND_OF_FIELD: Partial<Record<ConfigField['type'], ExpressionKind>> = {
  'cel-bool': 'bool',
  'cel-value': 'value',
  'cel-list': 'list',
};

/**
 * Compiles every expression the catalogue declares (including those inside branch predicates)
 * and reports those that do not compile, positioned inside the expression.
 */
export function expressionIssues(document: unknown): ValidationIssue[] {
  const nodes = valueAt(document, ['nodes']);
  if (!Array.isArray(nodes)) return [];
  const issues: ValidationIssue[] = [];
  nodes.forEach((node: unknown, index) => {
    const type = valueAt(node, ['type']);
    if (!isNodeType(type)) return;
    for (const field of nodeTypeInfo(type).fields) {
      const base = ['nodes', index, 'config', field.name];
      if (field.type === 'predicates') {
        const items = valueAt(document, base);
        if (!Array.isArray(items)) continue;
        items.forEach((_, i) => {
          for (const itemField of field.itemFields) check(document, [...base, i, itemField.name], itemField, issues);
        });
      } else {
        check(document, base, field, issues);
      }
    }
  });
  return issues;
}

function check(document: unknown, segments: PropertyKey[], field: ConfigField, issues: ValidationIssue[]): void {
  const kind = KIND_OF_FIELD[field.type];
  const source = valueAt(document, segments);
  if (kind === undefined || typeof source !== 'string') return;
  const result = checkExpression(source, kind);
  if (result.ok) return;
  issues.push({
    code: 'expression',
    path: formatPath(segments),
    ...ownerOf(document, segments),
    message: result.error.message,
    ...(result.error.position ? { position: result.error.position } : {}),
  });
}
