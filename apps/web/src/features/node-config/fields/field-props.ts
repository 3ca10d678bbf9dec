import type { ConfigField } from '@sluice/topology';

export interface FieldContext {
  /** Problems by path inside the node ("config.topic", "config.predicates[0].name"). */
  errorAt(path: string): string | undefined;
  topics: readonly string[];
  refreshTopics(): void;
}

/** What every field input takes. */
export interface FieldProps {
  /** Unique among the form's inputs; also the base of help and error ids. */
  id: string;
  field: ConfigField;
  /** Where the value lives inside the node, for finding its problems. */
  path: string;
  value: unknown;
  context: FieldContext;
  onChange(value: unknown): void;
}
