import type { Request, Response } from 'express';
import { groupIdSchema, resetOffsetsSchema, type GroupService } from '../../groups/index.js';
import { parseRequest } from '../parse-request.js';
import { param } from '../query.js';

export function groupsController(groups: GroupService) {
  const id = (req: Request) => parseRequest(groupIdSchema, param(req, 'id'), 'group id');
  return {
    async list(_req: Request, res: Response) {
      res.json({ groups: await groups.list() });
    },
    async get(req: Request, res: Response) {
      res.json(await groups.get(id(req)));
    },
    async resetOffsets(req: Request, res: Response) {
      const request = parseRequest(resetOffsetsSchema, req.body ?? {}, 'reset');
      res.json(await groups.resetOffsets(id(req), request));
    },
    async remove(req: Request, res: Response) {
      await groups.delete(id(req));
      res.status(204).end();
    },
  };
}
