import type { TapTarget } from '@sluice/streams';
import type { Request, Response } from 'express';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { PipelineManager, PipelineService } from '../../pipelines/index.js';
import type { TapHub } from '../../taps/index.js';
import { param } from '../query.js';

export interface TapParts {
  readonly pipelines: PipelineService;
  readonly manager: PipelineManager;
  readonly taps: TapHub;
}

function ids(list: unknown): string[] {
  return Array.isArray(list) ? list.flatMap((item: unknown) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [])) : [];
}

/** `?node=ID` or `?edge=ID`, exactly one. */
function tapTarget(req: Request): TapTarget {
  const node = typeof req.query.node === 'string' && req.query.node !== '' ? req.query.node : undefined;
  const edge = typeof req.query.edge === 'string' && req.query.edge !== '' ? req.query.edge : undefined;
  if ((node === undefined) === (edge === undefined)) throw new InvalidRequestError('say what to tap: ?node=<node id> or ?edge=<edge id> (one of them)');
  return node !== undefined ? { node } : { edge: edge! };
}

export function tapsController(parts: TapParts) {
  return {
    /** `GET /api/pipelines/:id/taps?node=|edge=`: server-sent events with the records passing there. */
    open(req: Request, res: Response) {
      const id = param(req, 'id');
      const detail = parts.pipelines.get(id);
      const target = tapTarget(req);
      // The place may be in the saved definition, the running one, or both (while a change is pending).
      const definitions = [detail.definition, parts.manager.deployedDefinition(id)];
      const known = definitions.some((d) => ids(target.node !== undefined ? d?.nodes : d?.edges).includes(target.node ?? target.edge!));
      if (!known) {
        throw new NotFoundError(`pipeline ${id} has no ${target.node !== undefined ? `node "${target.node}"` : `edge "${target.edge}"`}; tap one of its nodes or edges`);
      }
      parts.taps.attach(req, res, { pipelineId: id, target, status: detail.status });
    },
  };
}
