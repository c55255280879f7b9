import type { IncomingMessage } from 'node:http';
import { type SubgraphOrm } from '@hub/platform/db';
import { type EventEnvelope, verifyEventDelivery } from '@hub/platform/events';
import { type RouteHandler, sendJson } from '@hub/platform/server';
import { applyEvent } from '../commands/apply-event.js';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function isEnvelope(value: unknown): value is EventEnvelope {
  const v = value as Partial<EventEnvelope> | null;
  return typeof v?.eventId === 'string' && typeof v.sequence === 'number' && typeof v.source === 'string' && typeof v.event?.type === 'string';
}

/** POST /events: a batch of envelopes from a publishing subgraph's outbox relay, applied in one transaction. */
export function eventInbox(orm: SubgraphOrm, secret: () => Promise<string>): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
    try {
      await verifyEventDelivery(await secret(), req.headers.authorization, 'reporting');
    } catch {
      return sendJson(res, 401, { error: 'event deliveries must be signed by a hub subgraph' });
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    const events = (body as { events?: unknown }).events;
    if (!Array.isArray(events) || !events.every(isEnvelope)) return sendJson(res, 400, { error: 'expected { events: EventEnvelope[] }' });
    const ordered = [...events].sort((a, b) => a.sequence - b.sequence);
    const applied = await orm.fork().transactional(async (em) => {
      let count = 0;
      for (const envelope of ordered) if (await applyEvent(em, envelope)) count += 1;
      return count;
    });
    sendJson(res, 200, { received: ordered.length, applied });
  };
}

