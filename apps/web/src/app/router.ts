import { useSyncExternalStore } from 'react';

/** The app's places: the pipelines list, one pipeline's designer, one pipeline's dashboard, the topic browser. */
export type Route =
  | { page: 'pipelines' }
  | { page: 'designer'; pipelineId: string }
  | { page: 'dashboard'; pipelineId: string }
  | { page: 'topics'; topic: string | null };

export function parseRoute(pathname: string): Route {
  const match = /^\/pipelines\/([^/]+)\/?$/.exec(pathname);
  if (match) return { page: 'designer', pipelineId: decodeURIComponent(match[1]) };
  const dashboard = /^\/dashboard\/([^/]+)\/?$/.exec(pathname);
  if (dashboard) return { page: 'dashboard', pipelineId: decodeURIComponent(dashboard[1]) };
  if (/^\/topics\/?$/.test(pathname)) return { page: 'topics', topic: null };
  const topic = /^\/topics\/([^/]+)\/?$/.exec(pathname);
  if (topic) return { page: 'topics', topic: decodeURIComponent(topic[1]) };
  return { page: 'pipelines' };
}

export function pathOf(route: Route): string {
  if (route.page === 'designer') return `/pipelines/${encodeURIComponent(route.pipelineId)}`;
  if (route.page === 'dashboard') return `/dashboard/${encodeURIComponent(route.pipelineId)}`;
  if (route.page === 'topics') return route.topic === null ? '/topics' : `/topics/${encodeURIComponent(route.topic)}`;
  return '/';
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(route: Route): void {
  const path = pathOf(route);
  if (window.location.pathname !== path) window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
