import { Router } from 'express';
import type { GroupService } from '../../groups/index.js';
import { groupsController } from '../controllers/groups-controller.js';

export function groupsRoutes(groups: GroupService): Router {
  const c = groupsController(groups);
  const router = Router();
  router.get('/', c.list);
  router.get('/:id', c.get);
  router.post('/:id/reset-offsets', c.resetOffsets);
  router.delete('/:id', c.remove);
  return router;
}
