import * as z from 'zod';
import { defineNode, expressionSummary, PROCESSOR_INPUTS } from './node-kit.js';

const selectKeyConfig = z.strictObject({ expression: z.string() });

export const selectKeyNode = defineNode(selectKeyConfig, {
  type: 'selectKey',
  label: 'Select key',
  category: 'Processors',
  description: 'Sets each record key to the result of a CEL expression, which decides the partition it is written to.',
  inputs: PROCESSOR_INPUTS,
  outputs: 'single',
  errors: 'records the expression fails on',
  fields: [
    {
      name: 'expression',
      type: 'cel-value',
      label: 'New key',
      required: true,
      example: 'value.station',
      help: 'A CEL expression whose result becomes the key; the value and headers are kept.',
    },
  ],
}, expressionSummary);

export type SelectKeyConfig = z.output<typeof selectKeyConfig>;
