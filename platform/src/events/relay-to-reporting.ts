import type { SubgraphOrm } from '../db/orm.js';
import { eventsSecret } from '../runtime.js';
import { reportingEventsUrl } from '../topology.js';
import { OutboxRelay } from './outbox.js';

/**
 * The background relay a publishing subgraph runs: it delivers its outbox to reporting's event inbox
 * (REPORTING_EVENTS_URL, else reporting's port on this host), polling every OUTBOX_POLL_MS (default 1 s).
 */
export function relayToReporting(source: string) {
  return (orm: SubgraphOrm, env: Record<string, string | undefined>): (() => Promise<void>) => {
    const target = reportingEventsUrl(env);
    let stop: (() => Promise<void>) | null = null;
    const starting = eventsSecret(env).then((secret) => {
      const relay = new OutboxRelay(orm.fork, { source, targetUrl: target, targetName: 'reporting', secret });
      // Failed deliveries stay in the outbox with the reason (attempts, last_error) and are retried next poll.
      stop = relay.start(Number(env.OUTBOX_POLL_MS ?? 1000), () => {});
    });
    return async () => {
      await starting;
      await stop?.();
    };
  };
}
