import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../infrastructure/api/index.js';
import { liveStatusSource } from '../../infrastructure/live/index.js';
import { usePipelineStoreApi } from '../../infrastructure/store/index.js';
import { createPipelineSync, type LifecycleAction, type PipelineSync } from './pipeline-sync.js';

export interface PipelineSyncView {
  sync: PipelineSync;
  busy: LifecycleAction | null;
  actionError: string | null;
}

/** The open pipeline's link to the server, alive while the designer is. */
export function usePipelineSync(): PipelineSyncView {
  const api = useApi();
  const store = usePipelineStoreApi();
  const [busy, setBusy] = useState<LifecycleAction | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const sync = useMemo(() => createPipelineSync(api, store, liveStatusSource, { onBusy: setBusy, onActionError: setActionError }), [api, store]);
  useEffect(() => sync.start(), [sync]);
  return { sync, busy, actionError };
}
