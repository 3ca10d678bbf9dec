import * as z from 'zod';
import { defineNode, expressionSummary, PROCESSOR_INPUTS } from './node-kit.js';

const mapConfig = z.strictObject({ expression: z.string() });

export const mapNode = defineNode(mapConfig, {
  type: 'map',
  label: 'Map',
  category: 'Processors',
  description: 'Replaces each record value with the result of a CEL expression; key and headers are kept.',
  inputs: PROCESSOR_INPUTS,
  outputs: 'single',
  errors: 'records the expression fails on',
  fields: [
    {
      name: 'expression',
      type: 'cel-value',
      label: 'New value',
      required: true,
      example: '{"station": value.station, "fahrenheit": value.temperature * 1.8 + 32}',
      help: 'A CEL expression whose result (any JSON: objects, lists, numbers, strings) becomes the value.',
    },
  ],
}, expressionSummary);

export type MapConfig = z.output<typeof mapConfig>;
