import * as z from 'zod';
import { defineNode, expressionSummary, PROCESSOR_INPUTS } from './node-kit.js';

const flatMapConfig = z.strictObject({ expression: z.string() });

export const flatMapNode = defineNode(flatMapConfig, {
  type: 'flatMap',
  label: 'Flat map',
  category: 'Processors',
  description: 'Turns each record into zero or more records: one per element of the list a CEL expression returns.',
  inputs: PROCESSOR_INPUTS,
  outputs: 'single',
  errors: 'records the expression fails on, or returns something other than a list for',
  fields: [
    {
      name: 'expression',
      type: 'cel-list',
      label: 'Values',
      required: true,
      example: 'value.readings',
      help: 'A CEL expression that returns a list; each element becomes the value of a new record with the same key.',
    },
  ],
}, expressionSummary);

export type FlatMapConfig = z.output<typeof flatMapConfig>;
