import * as z from 'zod';
import { defineNode, expressionSummary, PROCESSOR_INPUTS } from './node-kit.js';

const filterConfig = z.strictObject({ expression: z.string() });

export const filterNode = defineNode(filterConfig, {
  type: 'filter',
  label: 'Filter',
  category: 'Processors',
  description: 'Keeps the records for which a CEL expression is true and drops the rest.',
  inputs: PROCESSOR_INPUTS,
  outputs: 'single',
  errors: 'records the expression fails on, or returns something other than a bool for',
  fields: [
    {
      name: 'expression',
      type: 'cel-bool',
      label: 'Keep when',
      required: true,
      example: 'value.temperature > 40.0',
      help: 'A CEL expression over key, value, headers, topic, partition, offset and timestamp that returns bool.',
    },
  ],
}, expressionSummary);

export type FilterConfig = z.output<typeof filterConfig>;
