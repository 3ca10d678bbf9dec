/** Kafka Streams' names for what a pipeline promises; an absent value is the default, exactly-once. */
const LABELS: Record<string, { label: string; title: string }> = {
  exactly_once_v2: {
    label: 'Exactly once',
    title: 'exactly_once_v2: output, dead letters and consumed offsets commit in one Kafka transaction',
  },
  at_least_once: {
    label: 'At least once',
    title: 'at_least_once: a crash may replay the last batch, never lose it',
  },
};

/** A pipeline's processing guarantee as a quiet pill. */
export function GuaranteeBadge({ guarantee }: { guarantee: unknown }) {
  const key = typeof guarantee === 'string' && guarantee in LABELS ? guarantee : 'exactly_once_v2';
  const { label, title } = LABELS[key]!;
  return (
    <span className="badge badge-guarantee" data-guarantee={key} title={title}>
      {label}
    </span>
  );
}
