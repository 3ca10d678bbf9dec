import type { Request, Response } from 'express';
import type { PipelineService } from '../../pipelines/index.js';
import { deployFlag, param } from '../query.js';

/** HTTP in and out for the pipeline endpoints; the service does the work. */
export function pipelinesController(pipelines: PipelineService) {
  return {
    list(_req: Request, res: Response) {
      res.json({ pipelines: pipelines.list() });
    },
    get(req: Request, res: Response) {
      res.json(pipelines.get(param(req, 'id')));
    },
    async create(req: Request, res: Response) {
      const created = await pipelines.create(req.body, { deploy: deployFlag(req) });
      res.status(201).location(`/api/pipelines/${created.id}`).json(created);
    },
    async update(req: Request, res: Response) {
      res.json(await pipelines.update(param(req, 'id'), req.body, { deploy: deployFlag(req) }));
    },
    async start(req: Request, res: Response) {
      res.json(await pipelines.start(param(req, 'id')));
    },
    async deploy(req: Request, res: Response) {
      res.json(await pipelines.deploy(param(req, 'id'), definitionIn(req)));
    },
    async stop(req: Request, res: Response) {
      res.json(await pipelines.stop(param(req, 'id')));
    },
    async remove(req: Request, res: Response) {
      await pipelines.delete(param(req, 'id'));
      res.status(204).end();
    },
    async metrics(req: Request, res: Response) {
      res.json(await pipelines.metrics(param(req, 'id')));
    },
  };
}

/** The optional body of the deploy verb: no body (or `{}`) deploys what is saved. */
function definitionIn(req: Request): unknown {
  const body: unknown = req.body;
  const empty = typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
  return body === undefined || empty ? undefined : body;
}
