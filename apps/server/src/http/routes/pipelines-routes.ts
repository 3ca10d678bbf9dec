import { Router } from 'express';
import type { PipelineService } from '../../pipelines/index.js';
import { pipelinesController } from '../controllers/pipelines-controller.js';

export function pipelinesRoutes(pipelines: PipelineService): Router {
  const c = pipelinesController(pipelines);
  const router = Router();
  router.get('/', c.list);
  router.post('/', c.create);
  router.get('/:id', c.get);
  router.put('/:id', c.update);
  router.delete('/:id', c.remove);
  router.post('/:id/deploy', c.deploy);
  router.post('/:id/start', c.start);
  router.post('/:id/stop', c.stop);
  router.get('/:id/metrics', c.metrics);
  return router;
}
