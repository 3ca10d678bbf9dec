import { Router } from 'express';
import { tapsController, type TapParts } from '../controllers/taps-controller.js';

/** Record taps, under /api/pipelines. */
export function tapsRoutes(parts: TapParts): Router {
  const router = Router();
  router.get('/:id/taps', tapsController(parts).open);
  return router;
}
