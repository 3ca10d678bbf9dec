import type { Request, Response } from 'express';
import type { Registry } from 'prom-client';
import type { KafkaConnection } from '../../kafka/kafka-connection.js';
import type { LiveHub } from '../../live/index.js';
import type { PipelineService } from '../../pipelines/index.js';

export interface SystemParts {
  readonly connection: KafkaConnection;
  readonly pipelines: PipelineService;
  readonly live: LiveHub;
  readonly prometheus: Registry;
  readonly startedAt: Date;
}

/** The routes of the API, for `GET /api` and for people who guess a wrong one. */
export const API_ROUTES = [
  'GET    /api/health',
  'GET    /api/session · POST /api/session {token} · DELETE /api/session (the web app\'s sign-in)',
  'GET    /api/pipelines',
  'POST   /api/pipelines[?deploy=false]',
  'GET    /api/pipelines/:id',
  'PUT    /api/pipelines/:id[?deploy=false]',
  'DELETE /api/pipelines/:id',
  'POST   /api/pipelines/:id/deploy [definition]',
  'POST   /api/pipelines/:id/start',
  'POST   /api/pipelines/:id/stop',
  'GET    /api/pipelines/:id/metrics',
  'GET    /api/topics',
  'POST   /api/topics',
  'GET    /api/topics/:name',
  'DELETE /api/topics/:name',
  'GET    /api/topics/:name/messages?partition=&offset=&limit=',
  'POST   /api/topics/:name/messages',
  'GET    /api/pipelines/:id/taps?node=|edge= (server-sent events)',
  'GET    /api/groups',
  'GET    /api/groups/:id',
  'POST   /api/groups/:id/reset-offsets',
  'DELETE /api/groups/:id',
  'GET    /api/live (server-sent events)',
  'GET    /metrics (Prometheus)',
];

export function systemController(parts: SystemParts) {
  return {
    index(_req: Request, res: Response) {
      res.json({ name: 'sluice', routes: API_ROUTES });
    },
    /** Liveness: answers 200 while the server runs, and says whether the cluster is reachable. */
    health(_req: Request, res: Response) {
      const list = parts.pipelines.list();
      const count = (status: string) => list.filter((p) => p.status === status).length;
      res.json({
        status: 'ok',
        uptimeSeconds: Math.round((Date.now() - parts.startedAt.getTime()) / 1000),
        broker: parts.connection.health(),
        pipelines: { total: list.length, running: count('running'), deploying: count('deploying'), failed: count('failed'), stopped: count('stopped') },
      });
    },
    live(req: Request, res: Response) {
      parts.live.attach(req, res);
    },
    async prometheus(_req: Request, res: Response) {
      res.set('Content-Type', parts.prometheus.contentType);
      res.send(await parts.prometheus.metrics());
    },
  };
}
