import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, useApi, type PipelineSummary } from '../../infrastructure/api/index.js';

const POLL_MS = 2000;

/** The server's pipelines, refreshed every two seconds so statuses stay current. */
export function usePipelineList() {
  const api = useApi();
  const [pipelines, setPipelines] = useState<PipelineSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setPipelines(await api.listPipelines());
      setError(null);
    } catch (err) {
      setError(err instanceof ApiRequestError ? err.message : String(err));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { pipelines, error, refresh };
}
