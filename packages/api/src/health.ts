import * as z from 'zod';

export const brokerConnectionStateSchema = z.enum(['connecting', 'connected', 'unreachable']);
export type BrokerConnectionState = z.output<typeof brokerConnectionStateSchema>;

/** What `GET /api/health` says about the cluster. */
export const brokerHealthSchema = z.object({
  state: brokerConnectionStateSchema,
  bootstrapServers: z.array(z.string()),
  /** Why the cluster is unreachable, when it is. */
  error: z.string().optional(),
  /** ISO time of the last call that reached the cluster or failed to. */
  checkedAt: z.string().optional(),
});
export type BrokerHealth = z.output<typeof brokerHealthSchema>;

/** `GET /api/health`: answers 200 while the server runs. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  uptimeSeconds: z.number(),
  broker: brokerHealthSchema,
  pipelines: z.object({ total: z.number(), running: z.number(), deploying: z.number(), failed: z.number(), stopped: z.number() }),
});
export type Health = z.output<typeof healthSchema>;
