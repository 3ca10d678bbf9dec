import type { Request, Response } from 'express';
import { createTopicSchema, peekQuerySchema, produceRecordSchema, topicNameSchema } from '../../topics/topic-requests.js';
import type { TopicService } from '../../topics/topic-service.js';
import { parseRequest } from '../parse-request.js';
import { flag, param } from '../query.js';

export function topicsController(topics: TopicService) {
  const name = (req: Request) => parseRequest(topicNameSchema, param(req, 'name'), 'topic name');
  return {
    async list(_req: Request, res: Response) {
      res.json({ topics: await topics.list() });
    },
    async get(req: Request, res: Response) {
      res.json(await topics.get(name(req)));
    },
    async create(req: Request, res: Response) {
      const request = parseRequest(createTopicSchema, req.body ?? {}, 'topic');
      const created = await topics.create(request);
      res.status(201).location(`/api/topics/${encodeURIComponent(created.name)}`).json(created);
    },
    async readers(req: Request, res: Response) {
      res.json(await topics.readers(name(req)));
    },
    async remove(req: Request, res: Response) {
      await topics.delete(name(req), { force: flag(req, 'force', false) });
      res.status(204).end();
    },
    async peek(req: Request, res: Response) {
      const query = parseRequest(peekQuerySchema, req.query, 'query');
      res.json(await topics.peek(name(req), query));
    },
    async produce(req: Request, res: Response) {
      const record = parseRequest(produceRecordSchema, req.body ?? {}, 'record');
      res.status(201).json(await topics.produce(name(req), record));
    },
  };
}
