import { Router } from 'express';
import type { ApiToken, RefusalLog } from '../../exposure/index.js';
import { sessionController } from '../controllers/session-controller.js';

/** `/api/session`: the web app's sign-in with the API token. */
export function sessionRoutes(token: ApiToken | undefined, log: RefusalLog): Router {
  const c = sessionController(token, log);
  const router = Router();
  router.get('/', c.state);
  router.post('/', c.signIn);
  router.delete('/', c.signOut);
  return router;
}
