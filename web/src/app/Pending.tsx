import { useEffect } from 'react';
import { useQuery } from 'urql';
import { PendingAcknowledgementsDocument, PendingApprovalsDocument, PendingHandOffsDocument, PendingReviewsDocument, type Role } from '../gql/graphql.js';
import { Link } from './router.js';

/** Refreshed every `pollMs` (CONSOLE_POLL_SECONDS at the gateway), without reloading the page. */
function usePolled<T>(result: [{ data?: T }, (opts?: { requestPolicy: 'network-only' }) => void], pollMs: number, enabled: boolean): T | undefined {
  const [{ data }, refetch] = result;
  useEffect(() => {
    // A paused query would still run if asked: a role's timer only exists for the counts that role may see.
    if (!enabled) return;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), pollMs);
    return () => window.clearInterval(timer);
  }, [refetch, pollMs, enabled]);
  return data;
}

/** One count per thing that waits, asked only of the roles it concerns (nothing a role may not see is fetched). */
export function PendingCounts({ roles, pollMs }: { roles: readonly Role[]; pollMs: number }) {
  const approver = roles.some((r) => r === 'MEG_DIRECTOR' || r === 'TASK_FORCE_COMMANDER' || r === 'DESIGNEE');
  // Leaders list the reviews they hold with the case manager; the case manager's role may not (cases access rules).
  const reviewer = approver;
  const provider = roles.includes('PROVIDER_STAFF');
  const caseManager = roles.includes('CASE_MANAGER');
  const approvals = usePolled(useQuery({ query: PendingApprovalsDocument, pause: !approver }), pollMs, approver);
  const reviews = usePolled(useQuery({ query: PendingReviewsDocument, pause: !reviewer }), pollMs, reviewer);
  const handOffs = usePolled(useQuery({ query: PendingHandOffsDocument, pause: !caseManager }), pollMs, caseManager);
  const acknowledgements = usePolled(useQuery({ query: PendingAcknowledgementsDocument, pause: !provider }), pollMs, provider);
  const items: { to: string; label: string; count: number | undefined }[] = [];
  if (approver) items.push({ to: '/approvals', label: 'approvals waiting', count: approvals?.deflections.edges.length });
  if (reviewer) items.push({ to: '/reviews', label: 'reviews due or overdue', count: reviews ? new Set([...reviews.reviewsDue, ...reviews.overdueReviews].map((d) => d.id)).size : undefined });
  if (caseManager) items.push({ to: '/hand-offs', label: 'hand-offs to take', count: handOffs?.deflections.edges.filter((e) => !e.node.handedOffAt).length });
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
