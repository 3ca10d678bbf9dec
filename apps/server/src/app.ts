import express, { type Express } from 'express';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { requireTokenForChanges } from './http/auth.js';
import { groupsRoutes } from './http/routes/groups-routes.js';
import { pipelinesRoutes } from './http/routes/pipelines-routes.js';
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
  readonly apiToken?: string;
  readonly webDir: string;
  /** Largest JSON body accepted (413 beyond). */
  readonly bodyLimit: string;
}

/** The Express app: routes → controllers → services, one error middleware at the end. */
export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  // The token is checked before a body is read, so unauthenticated calls cannot make it parse 1 MB.
  app.use('/api', requireTokenForChanges(parts.apiToken));
  app.use('/api', express.json({ limit: parts.bodyLimit, type: ['application/json', 'application/*+json'] }));
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
