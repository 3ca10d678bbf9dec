import express, { type Express } from 'express';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { hostGuard, originGuard, securityHeaders, tokenGuard, type ExposureSettings } from './exposure/index.js';
import { groupsRoutes } from './http/routes/groups-routes.js';
import { pipelinesRoutes } from './http/routes/pipelines-routes.js';
import { sessionRoutes } from './http/routes/session-routes.js';
import { prometheusRoute, systemRoutes } from './http/routes/system-routes.js';
import { tapsRoutes } from './http/routes/taps-routes.js';
import { topicsRoutes } from './http/routes/topics-routes.js';
import type { SystemParts } from './http/controllers/system-controller.js';
import type { TapParts } from './http/controllers/taps-controller.js';
import type { GroupService } from './groups/index.js';
import type { Logger } from './logger.js';
import type { TopicService } from './topics/topic-service.js';
import { webAppRoutes } from './web/web-app.js';

export interface AppParts extends SystemParts, TapParts {
  readonly topics: TopicService;
  readonly groups: GroupService;
  readonly logger: Logger;
  /** Which Host names are served, the API token if one is required, and the log of refusals. */
  readonly exposure: ExposureSettings;
  readonly webDir: string;
  /** Largest JSON body accepted (413 beyond). */
  readonly bodyLimit: string;
}

/** The Express app: routes → controllers → services, one error middleware at the end. */
export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use(securityHeaders());
  // Host, origin and token are checked before a body is read, so a refused call cannot make it parse 1 MB.
  app.use(hostGuard(parts.exposure));
  app.use('/api', originGuard(parts.exposure));
  app.use('/api', tokenGuard(parts.exposure));
  app.use('/api', express.json({ limit: parts.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use('/api/session', sessionRoutes(parts.exposure.token, parts.exposure.log));
  app.use('/api/pipelines', tapsRoutes(parts));
  app.use('/api/pipelines', pipelinesRoutes(parts.pipelines));
  app.use('/api/groups', groupsRoutes(parts.groups));
  app.use('/api/topics', topicsRoutes(parts.topics));
  app.use('/api', systemRoutes(parts));
  app.use('/api', apiNotFound);
  app.use(prometheusRoute(parts));
  app.use(webAppRoutes(parts.webDir));
  app.use(errorHandler(parts.logger));
  return app;
}
