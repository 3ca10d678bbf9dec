import { Router } from 'express';
import type { TopicService } from '../../topics/topic-service.js';
import { topicsController } from '../controllers/topics-controller.js';

export function topicsRoutes(topics: TopicService): Router {
  const c = topicsController(topics);
  const router = Router();
  router.get('/', c.list);
  router.post('/', c.create);
  router.get('/:name', c.get);
  router.delete('/:name', c.remove);
  router.get('/:name/readers', c.readers);
  router.get('/:name/messages', c.peek);
  router.post('/:name/messages', c.produce);
  return router;
}
