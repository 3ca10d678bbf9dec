import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../infrastructure/api/index.js';

/** The broker's topic names (Kafka's internal ones left out) for topic fields to complete from. */
export function useTopics(): { topics: readonly string[]; refresh(): void } {
  const api = useApi();
  const [topics, setTopics] = useState<readonly string[]>([]);
  const refresh = useCallback(() => {
    api
      .listTopics()
      .then((list) => setTopics(list.filter((t) => !t.internal && !t.name.startsWith('__')).map((t) => t.name).sort()))
      // Without the list, topic fields still take any name.
      .catch(() => undefined);
  }, [api]);
  useEffect(refresh, [refresh]);
  return { topics, refresh };
}
