import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, Field, formatDateTime, Loading, words } from '../../components/ui.js';
import { ProviderCapacityDocument, UpdateCapacityDocument, type TreatmentService } from '../../gql/graphql.js';
import { refusalsOf } from '../../graphql/errors.js';

/** Open slots per service (TRT-4): what officers and case managers see as treatment options. */
export function Capacity({ providerId }: { providerId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ProviderCapacityDocument, variables: { id: providerId } });
  const [result, update] = useMutation(UpdateCapacityDocument);
  const [edits, setEdits] = useState<Partial<Record<TreatmentService, string>>>({});
  const [saved, setSaved] = useState(false);
  const provider = data?.provider;
  if (fetching && !data) return <Loading what="capacity" />;
  if (!provider) return <ErrorSummary refusals={refusalsOf(error)} />;
  const save = async () => {
    const capacity = provider.services.map((service) => ({
      service,
      openSlots: Number(edits[service] ?? provider.capacity.find((c) => c.service === service)?.openSlots ?? 0),
    }));
    setSaved(false);
    const answer = await update({ input: { providerId, capacity } });
    if (answer.data) {
      setEdits({});
      setSaved(true);
    }
  };
  return (
    <form
      aria-label={`Capacity of ${provider.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <h3>{provider.name}</h3>
      <ErrorSummary refusals={refusalsOf(result.error)} />
      {provider.services.map((service) => {
        const current = provider.capacity.find((c) => c.service === service);
        return (
          <Field key={service} label={`Open slots: ${words(service)}`} hint={current ? `Reported ${formatDateTime(current.updatedAt)}` : 'Not reported yet'}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                inputMode="numeric"
                value={edits[service] ?? String(current?.openSlots ?? 0)}
                onChange={(e) => {
                  setSaved(false);
                  setEdits({ ...edits, [service]: e.target.value });
                }}
              />
            )}
          </Field>
        );
      })}
      <button type="submit" disabled={result.fetching}>
        Save capacity
      </button>
      {saved && (
        <p role="status" className="hint">
          Saved: officers and case managers see these open slots now.
        </p>
      )}
    </form>
  );
}
