import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { QuickReferralDocument, type QuickReferralMutation } from '../gql/graphql.js';
import { refusalsOf } from '../graphql/errors.js';
import { browserStorage, failedAttempt, ReferralQueue, type QueuedReferral, type SendOutcome } from './referral-queue.js';

export type Referred = QuickReferralMutation['quickReferral'];

/** How often the queue tries again while something waits and the browser says it is online. */
const RETRY_EVERY_MS = 15_000;

/** The signed-in officer's queue, flushed when the browser comes back online and every few seconds while anything waits. */
export function useReferralQueue(personId: string) {
  const client = useClient();
  const queue = useMemo(
    () =>
      new ReferralQueue<Referred>(browserStorage(personId), async (item: QueuedReferral): Promise<SendOutcome<Referred>> => {
        const result = await client.mutation(QuickReferralDocument, { input: item.input, idempotencyKey: item.key }, { requestPolicy: 'network-only' }).toPromise();
        if (result.data?.quickReferral) return { kind: 'accepted', result: result.data.quickReferral };
        return failedAttempt(refusalsOf(result.error));
      }),
    [client, personId],
  );
  const [, setVersion] = useState(0);
  useEffect(() => queue.subscribe(() => setVersion((v) => v + 1)), [queue]);
  useEffect(() => {
    const flush = () => void queue.flush();
    flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(() => {
      if (navigator.onLine && queue.pending().length > 0) flush();
    }, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [queue]);
  return queue;
}
