import { useEffect } from 'react';
import { useQuery } from 'urql';
import { PendingAcknowledgementsDocument, PendingApprovalsDocument, PendingReviewsDocument, type Role } from '../gql/graphql.js';
import { Link } from './router.js';

/** How often the counts of what waits are refreshed, without reloading the page. */
export const PENDING_POLL_MS = 30_000;

function usePolled<T>(result: [{ data?: T }, (opts?: { requestPolicy: 'network-only' }) => void]): T | undefined {
  const [{ data }, refetch] = result;
  useEffect(() => {
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), PENDING_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);
  return data;
}

/** One count per thing that waits, asked only of the roles it concerns (nothing a role may not see is fetched). */
export function PendingCounts({ roles }: { roles: readonly Role[] }) {
  const approver = roles.some((r) => r === 'MEG_DIRECTOR' || r === 'TASK_FORCE_COMMANDER' || r === 'DESIGNEE');
  const reviewer = approver || roles.includes('CASE_MANAGER');
  const provider = roles.includes('PROVIDER_STAFF');
  const approvals = usePolled(useQuery({ query: PendingApprovalsDocument, pause: !approver }));
  const reviews = usePolled(useQuery({ query: PendingReviewsDocument, pause: !reviewer }));
  const acknowledgements = usePolled(useQuery({ query: PendingAcknowledgementsDocument, pause: !provider }));
  const items: { to: string; label: string; count: number | undefined }[] = [];
  if (approver) items.push({ to: '/approvals', label: 'approvals waiting', count: approvals?.deflections.edges.length });
  if (reviewer) items.push({ to: '/reviews', label: 'reviews due or overdue', count: reviews ? new Set([...reviews.reviewsDue, ...reviews.overdueReviews].map((d) => d.id)).size : undefined });
  if (provider) items.push({ to: '/episodes', label: 'referrals to acknowledge', count: acknowledgements?.myEpisodes.edges.length });
  if (items.length === 0) return null;
  return (
    <ul className="pending" aria-label="What waits for you" aria-live="polite">
      {items.map((item) => (
        <li key={item.to}>
          <Link to={item.to}>
            <span className="count">{item.count ?? '…'}</span> {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
