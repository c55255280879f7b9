import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';

type Variables = Record<string, unknown> | undefined;

const ENTITY_FETCH = /^\s*query\b[^{]*\{\s*_entities\s*\(\s*representations\s*:\s*\$representations\s*\)/;

/** Whether a subgraph request is one of the gateway's own entity fetches (a client's operation may name a variable `representations` too). */
export function isEntityFetch(query: string | undefined, variables: Variables): query is string {
  return query !== undefined && ENTITY_FETCH.test(query) && Array.isArray(variables?.representations);
}

/**
 * An entity fetch names every entity once per place it appears in the result: fifty deflections of three units send
 * fifty unit representations. The subgraph needs each distinct one once; the answer is spread back to every place,
 * errors included (an error about one entity is an error at each place it appears), so the caller sees exactly
 * what the full request would have produced.
 */
export function dedupeRepresentations(query: string | undefined, variables: Variables): { variables: Record<string, unknown>; expand(response: GatewayGraphQLResponse): GatewayGraphQLResponse } | null {
  if (!isEntityFetch(query, variables)) return null;
  const representations = variables!.representations as unknown[];
  if (representations.length < 2) return null;
  const slotOf = new Map<string, number>();
  const unique: unknown[] = [];
  const slots = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = unique.length;
      slotOf.set(key, slot);
      unique.push(representation);
    }
    return slot;
  });
  if (unique.length === representations.length) return null;
  return {
    variables: { ...variables, representations: unique },
    expand(response) {
      const entities = response.data?._entities;
      // An answer of the wrong length goes back as it came, for the gateway to refuse as it would have.
      if (Array.isArray(entities) && entities.length !== unique.length) return response;
      const data = Array.isArray(entities) ? { ...response.data, _entities: slots.map((slot) => entities[slot]) } : response.data;
      const places = new Map<number, number[]>();
      slots.forEach((slot, index) => places.set(slot, [...(places.get(slot) ?? []), index]));
      const errors = response.errors?.flatMap((error) => {
        const [root, slot, ...rest] = error.path ?? [];
        if (root !== '_entities' || typeof slot !== 'number' || !places.has(slot)) return [error];
        return places.get(slot)!.map((index) => ({ ...error, path: ['_entities', index, ...rest] }));
      });
      return { ...response, ...(data === undefined ? {} : { data }), ...(errors === undefined ? {} : { errors }) };
    },
  };
}
