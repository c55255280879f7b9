import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DataTable, CAPACITY_LABELS, ErrorSummary, Field, Loading, Page, PATHWAY_LABELS, words } from '../../components/ui.js';
import {
  AgencyAdministrationDocument,
  AgencyDirectoryDocument,
  MyAgencyAdministrationDocument,
  SetPersonActiveDocument,
  type AdministeredAgencyFragment,
  type Role,
} from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';

/**
 * An agency administrator administers their agency (and the units under it); the hub administrator picks any
 * agency from the directory. Who may change what is the agencies subgraph's rule; this screen shows its refusals.
 */
export function Administration({ roles }: { roles: readonly Role[] }) {
  const hubAdministrator = roles.includes('HUB_ADMINISTRATOR');
  const [chosen, setChosen] = useState<string | null>(null);
  const [directory] = useQuery({ query: AgencyDirectoryDocument, variables: { first: 100 }, pause: !hubAdministrator });
  const [mine] = useQuery({ query: MyAgencyAdministrationDocument, pause: hubAdministrator || chosen !== null });
  const [other] = useQuery({ query: AgencyAdministrationDocument, variables: { id: chosen ?? '' }, pause: chosen === null });
  const agency = chosen ? other.data?.agency : mine.data?.myAgency;
  const error = chosen ? other.error : mine.error;
  return (
    <Page title="Administration">
      {hubAdministrator && (
        <Field label="Agency">
          {(p) => (
            <select {...p} value={chosen ?? ''} onChange={(e) => setChosen(e.target.value || null)}>
              <option value="">Choose an agency</option>
              {directory.data?.agencies.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {!hubAdministrator && (
        <p className="hint">
          Units under your agency:{' '}
          {agency?.children.length
            ? agency.children.map((c, i) => (
                <button key={c.id} type="button" className="link" onClick={() => setChosen(c.id)}>
                  {c.name}
                  {i < agency.children.length - 1 ? ',' : ''}
                </button>
              ))
            : 'none'}
          {chosen && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => setChosen(null)}>
                Back to your agency
              </button>
            </>
          )}
        </p>
      )}
      <ErrorSummary refusals={refusalsOf(error)} />
      {!agency && (chosen || !hubAdministrator) && !error && <Loading what="the agency" />}
      {agency && <AgencyAdministration agency={agency} />}
    </Page>
  );
}

function AgencyAdministration({ agency }: { agency: AdministeredAgencyFragment }) {
  const [changed, setActive] = useMutation(SetPersonActiveDocument);
  return (
    <>
      <h2>{agency.name}</h2>
      <p>
        {words(agency.kind)}, {words(agency.level)}. Counties served: {agency.countiesServed.join(', ') || '—'}.
      </p>
      <h3>Personnel ({agency.personnel.length})</h3>
      <ErrorSummary refusals={refusalsOf(changed.error)} />
      <DataTable label="Personnel" columns={['Name', 'Roles', 'Designations', 'Status', 'Change']}>
        {agency.personnel.map((person) => (
          <tr key={person.id}>
            <td>
              {person.displayName}
              {person.badgeNumber && ` (badge ${person.badgeNumber})`}
            </td>
            <td>{person.roles.map(words).join(', ')}</td>
            <td>
              {person.designations.map((d) => (
                <div key={d.id}>
                  {CAPACITY_LABELS[d.capacity] ?? words(d.capacity)} for {d.delegatedBy.displayName}, {d.validFrom} to {d.validTo ?? 'open'}
                  {d.revokedAt ? ', revoked' : d.validToday ? ', in force' : ''}
                </div>
              ))}
            </td>
            <td>{person.active ? 'Active' : 'Inactive'}</td>
            <td>
              <button type="button" className="secondary" disabled={changed.fetching} onClick={() => void setActive({ input: { personId: person.id, active: !person.active } })}>
                {person.active ? 'Deactivate' : 'Activate'}
                <span className="visually-hidden"> {person.displayName}</span>
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      <h3>Solution Action Plan versions ({agency.solutionActionPlans.length})</h3>
      {agency.solutionActionPlans.length === 0 ? (
        <p>No plan published.</p>
      ) : (
        <DataTable label="Solution Action Plan versions" columns={['Version', 'County', 'In force', 'Pathways', 'Approval and case management']}>
          {agency.solutionActionPlans.map((plan) => (
            <tr key={plan.id}>
              <td>{plan.version}</td>
              <td>{plan.county ?? 'every county served'}</td>
              <td>
                {plan.effectiveFrom} to {plan.supersededOn ?? 'now'}
              </td>
              <td>{plan.enabledPathways.map((p) => PATHWAY_LABELS[p] ?? p).join(', ')}</td>
              <td>
                {plan.approvingAgency ? `${plan.approvingAgency.name}; ` : ''}
                {plan.caseManagementOrganization.name}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
