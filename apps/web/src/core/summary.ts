import type { DesignerNode } from './document.js';

const MAX_SUMMARY = 48;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SUMMARY ? `${flat.slice(0, MAX_SUMMARY - 1)}…` : flat;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** One line that tells nodes of the same type apart on the canvas: the topic, the expression. */
export function nodeSummary(node: Pick<DesignerNode, 'type' | 'data'>): string {
  const config = node.data.config;
  switch (node.type) {
    case 'source':
      return str(config.topic) ? `from ${clip(str(config.topic))}` : 'no topic yet';
    case 'sink':
      return str(config.topic) ? `to ${clip(str(config.topic))}` : 'no topic yet';
    case 'branch': {
      const predicates = Array.isArray(config.predicates) ? config.predicates : [];
      return `${predicates.length} ${predicates.length === 1 ? 'output' : 'outputs'} + default`;
    }
    default:
      return str(config.expression) ? clip(str(config.expression)) : 'no expression yet';
  }
}
