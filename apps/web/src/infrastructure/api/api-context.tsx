import { createContext, useContext, type ReactNode } from 'react';
import { createApiClient, type SluiceApi } from './client.js';

const ApiContext = createContext<SluiceApi | null>(null);

export function ApiProvider({ api, children }: { api: SluiceApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The REST client of the server that served this page (or the one set by ApiProvider). */
export function useApi(): SluiceApi {
  return useContext(ApiContext) ?? defaultApi;
}

const defaultApi = createApiClient();
