import type { IncomingMessage } from 'node:http';
import { type SubgraphOrm } from '@hub/platform/db';
import { type EventEnvelope, type OutboxStatus, verifyEventDelivery } from '@hub/platform/events';
import { isUuid } from '@hub/platform/graphql';
import { type RouteHandler, sendJson } from '@hub/platform/server';
import { applyEvents } from '../commands/apply-event.js';
import { recordSourceStatus } from '../commands/source-status.js';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** An envelope the inbox can store: checked here, so a malformed one is a 400 for the whole batch, never a failed insert. */
function isEnvelope(value: unknown): value is EventEnvelope {
  const v = value as Partial<EventEnvelope> | null;
  return isUuid(v?.eventId) && Number.isSafeInteger(v?.sequence) && typeof v?.source === 'string' && typeof v.event?.type === 'string' && v.event.type.length <= 80;
}

function isOutboxStatus(value: unknown): value is OutboxStatus {
  const v = value as Partial<OutboxStatus> | null;
  return typeof v?.undelivered === 'number' && (v.oldestUndeliveredAt === null || typeof v.oldestUndeliveredAt === 'string');
}

/**
 * POST /events: a batch of envelopes from a publishing subgraph's outbox relay, applied in one transaction, with
 * the publisher's report of what it still has to deliver (an empty batch is its heartbeat). The source is the one
 * the delivery token names, not what the body claims.
 */
export function eventInbox(orm: SubgraphOrm, secret: () => Promise<string>): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    let source: string;
    try {
      source = await verifyEventDelivery(await secret(), req.headers.authorization, 'reporting');
    } catch {
      return sendJson(res, 401, { error: 'event deliveries must be signed by a hub subgraph' });
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    const { events, outbox } = (body ?? {}) as { events?: unknown; outbox?: unknown };
    if (!Array.isArray(events) || !events.every(isEnvelope) || (outbox !== undefined && !isOutboxStatus(outbox))) {
      return sendJson(res, 400, { error: 'expected { events: EventEnvelope[], outbox?: OutboxStatus }' });
    }
    const ordered = [...events].sort((a, b) => a.sequence - b.sequence).map((e) => ({ ...e, source }));
    const applied = await orm.fork().transactional(async (em) => {
      const count = await applyEvents(em, ordered);
      await recordSourceStatus(em, source, outbox ?? null, ordered.at(-1)?.sequence ?? null);
      return count;
    });
    sendJson(res, 200, { received: ordered.length, applied });
  };
}
