import { CAPACITY_LABELS, words } from '../../components/ui.js';
import type { Referred } from '../../offline/use-referral-queue.js';

/** What the officer needs once the referral is in: its reference number and the next steps, with whom to call. */
export function ReferralAnswer({ answer, onAnother }: { answer: Referred; onAnother: () => void }) {
  const { deflection, nextSteps } = answer;
  const contact = nextSteps.solutionActionPlan?.caseManagerContact;
  const approvers = nextSteps.approvingAgency?.approvers ?? [];
  return (
    <section aria-labelledby="referred-heading" className="answer">
      <h1 id="referred-heading" tabIndex={-1}>
        Referred: {deflection.referenceNumber}
      </h1>
      <p className="lead">{nextSteps.summary}</p>
      <dl>
        <dt>Status</dt>
        <dd>{words(deflection.status)}</dd>
        {nextSteps.approvalRequired && nextSteps.approvingAgency && (
          <>
            <dt>Approval</dt>
            <dd>
              {nextSteps.approvingAgency.name}
              {approvers.length > 0 && (
                <ul>
                  {approvers.map((a, i) => (
                    <li key={i}>
                      {a.person.displayName} ({a.actingFor ? `designee of ${a.actingFor.displayName}` : CAPACITY_LABELS[a.capacity]})
                      {a.person.phone && (
                        <>
                          , <a href={`tel:${a.person.phone}`}>{a.person.phone}</a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        {nextSteps.caseManagementOrganization && (
          <>
            <dt>Case management</dt>
            <dd>{nextSteps.caseManagementOrganization.name}</dd>
          </>
        )}
        {contact && (
          <>
            <dt>How to reach the case manager</dt>
            <dd>
              {words(contact.preferredMethod)}
              {contact.phone && (
                <>
                  : <a href={`tel:${contact.phone}`}>{contact.phone}</a>
                </>
              )}
              {contact.email && (
                <>
                  {' '}
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </>
              )}
              {contact.hours && <> ({contact.hours})</>}
              {contact.instructions && <p>{contact.instructions}</p>}
            </dd>
          </>
        )}
      </dl>
      <button type="button" className="primary" onClick={onAnother}>
        Make another referral
      </button>
    </section>
  );
}
