import { Router } from 'express';
import { systemController, type SystemParts } from '../controllers/system-controller.js';

/** Routes under /api that are about the server itself. */
export function systemRoutes(parts: SystemParts): Router {
  const c = systemController(parts);
  const router = Router();
  router.get('/', c.index);
  router.get('/health', c.health);
  router.get('/live', c.live);
  return router;
}

/** `GET /metrics`, outside /api where Prometheus looks for it. */
export function prometheusRoute(parts: SystemParts): Router {
  const router = Router();
  router.get('/metrics', systemController(parts).prometheus);
  return router;
}
