import * as z from 'zod';
import { outputNameSchema } from '../names.js';
import { defineNode, PROCESSOR_INPUTS } from './node-kit.js';

/** The output that takes records no predicate matched. */
export const DEFAULT_BRANCH_OUTPUT = 'default';
export const MAX_BRANCH_PREDICATES = 32;

const predicateSchema = z.strictObject({ name: outputNameSchema, expression: z.string() });

const branchConfig = z
  .strictObject({
    predicates: z
      .array(predicateSchema)
      .min(1, { error: 'a branch needs at least one predicate' })
      .max(MAX_BRANCH_PREDICATES, { error: `a branch has at most ${MAX_BRANCH_PREDICATES} predicates` }),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.predicates.forEach((predicate, index) => {
      const path = ['predicates', index, 'name'];
      if (predicate.name === DEFAULT_BRANCH_OUTPUT) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${DEFAULT_BRANCH_OUTPUT}" is the output for records no predicate matches: choose another name`,
        });
      }
      const first = seen.get(predicate.name);
      if (first === undefined) {
        seen.set(predicate.name, index);
      } else {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `duplicate output name "${predicate.name}" (also predicates[${first}]): names must be unique`,
        });
      }
    });
  });

export const branchNode = defineNode(branchConfig, {
  type: 'branch',
  label: 'Branch',
  category: 'Processors',
  description:
    'Routes each record to the output of the first predicate it matches, or to "default" when none does.',
  inputs: PROCESSOR_INPUTS,
  outputs: 'per-predicate',
  errors: 'records a predicate fails on, or returns something other than a bool for',
  fields: [
    {
      name: 'predicates',
      type: 'predicates',
      label: 'Outputs',
      required: true,
      default: [{ name: 'matched', expression: 'value.temperature > 40.0' }],
      help: 'Checked in order; a record leaves through the first output whose predicate is true.',
      itemFields: [
        { name: 'name', type: 'string', label: 'Output name', required: true, help: 'Names the output handle: letters, digits and _.' },
        {
          name: 'expression',
          type: 'cel-bool',
          label: 'Predicate',
          required: true,
          example: 'value.temperature > 40.0',
          help: 'A CEL expression that returns bool.',
        },
      ],
    },
  ],
}, (config) => {
  const count = Array.isArray(config.predicates) ? config.predicates.length : 0;
  return `${count} ${count === 1 ? 'output' : 'outputs'} + default`;
});

export type BranchConfig = z.output<typeof branchConfig>;
