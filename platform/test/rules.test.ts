import { describe, expect, it } from '@jest/globals';
import { GraphQLBoolean, GraphQLID, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLArgument } from 'graphql';
import { definePolicy, ANYONE_SIGNED_IN } from '../src/access/policy.js';
import { ConfigError, readChoice, readPort, readUrl } from '../src/config.js';
import { addDays, canonicalCounty, illinoisDate, isIsoDate, isWithin } from '../src/domain/index.js';
import { canonicalArguments, checkArguments, DEFAULT_MAX_ITEMS, DEFAULT_MAX_LENGTH } from '../src/graphql/input-limits.js';
import { InvalidScalarValue, parseDate, parseDateTime } from '../src/graphql/scalars.js';
import type { Actor } from '../src/identity/actor.js';

describe('configuration is validated at start-up', () => {
  it('names the variable when a port is not a port', () => {
    expect(() => readPort('GATEWAY_PORT', 4000, { GATEWAY_PORT: 'forty' })).toThrow(new ConfigError('GATEWAY_PORT', 'must be a TCP port number between 0 and 65535 (got "forty")'));
  });

  it('names the variable when a URL has the wrong scheme', () => {
    expect(() => readUrl('DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }, ['postgres:', 'postgresql:'])).toThrow(/DATABASE_URL must use one of postgres:, postgresql:/);
  });

  it('names the variable when a choice is unknown', () => {
    expect(() => readChoice('AUTH_MODE', ['dev', 'oidc'], 'dev', { AUTH_MODE: 'saml' })).toThrow(/AUTH_MODE must be one of dev, oidc/);
  });

  it('uses the default when the variable is unset', () => {
    expect(readPort('GATEWAY_PORT', 4000, {})).toBe(4000);
  });
});

describe('Illinois counties', () => {
  it('accepts any spelling of a county and returns the canonical name', () => {
    expect(canonicalCounty('dupage county')).toBe('DuPage');
    expect(canonicalCounty('St. Clair')).toBe('St. Clair');
    expect(canonicalCounty('st clair county')).toBe('St. Clair');
    expect(canonicalCounty('Jo Daviess')).toBe('Jo Daviess');
  });

  it('rejects a name that is not one of the 102 counties', () => {
    expect(canonicalCounty('Marin')).toBeNull();
  });
});

describe('dates are Illinois dates', () => {
  it('dates an instant in America/Chicago, not UTC', () => {
    // 03:30 UTC on 23 November is still the evening of the 22nd in Illinois.
    expect(illinoisDate(new Date('2026-11-23T03:30:00Z'))).toBe('2026-11-22');
  });

  it('rejects impossible calendar dates', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
  });

  it('treats an open end date as open-ended', () => {
    expect(isWithin('2030-01-01', '2026-01-01', null)).toBe(true);
    expect(isWithin('2025-12-31', '2026-01-01', null)).toBe(false);
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-11-23', 90)).toBe('2027-02-21');
  });
});

describe('Date and DateTime are strict', () => {
  it('refuses an impossible date instead of rolling it over (31 September is not 1 October)', () => {
    expect(parseDateTime('2026-09-31T10:00:00Z')).toBeInstanceOf(InvalidScalarValue);
    expect(parseDate('2026-02-30')).toBeInstanceOf(InvalidScalarValue);
    expect(parseDate('2026-02-28')).toBe('2026-02-28');
  });

  it('requires an offset on a DateTime rather than guessing UTC', () => {
    expect(parseDateTime('2026-11-23T10:00:00')).toBeInstanceOf(InvalidScalarValue);
    expect((parseDateTime('2026-11-23T10:00:00-06:00') as Date).toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('refuses years no record of the hub can have, naming the range rule', () => {
    expect((parseDate('1800-01-01') as InvalidScalarValue).rule).toBe('date-range');
    expect((parseDate('9999-12-31') as InvalidScalarValue).rule).toBe('date-range');
    expect((parseDateTime('0000-01-01T00:00:00Z') as InvalidScalarValue).rule).toBe('date-range');
  });
});

describe('input limits, checked before any resolver runs', () => {
  const person = new GraphQLInputObjectType({ name: 'P', fields: { name: { type: new GraphQLNonNull(GraphQLString) }, ok: { type: GraphQLBoolean } } });
  const arg = (name: string, type: GraphQLArgument['type']): GraphQLArgument => ({ name, type, description: undefined, defaultValue: undefined, deprecationReason: undefined, extensions: {}, astNode: undefined });

  it('refuses an id that is not a UUID, such as a reference number, naming the argument', () => {
    expect(checkArguments([arg('id', GraphQLID)], { id: 'DFL-2026-001000' })).toEqual([expect.objectContaining({ field: 'id', rule: 'uuid' })]);
    expect(checkArguments([arg('id', GraphQLID)], { id: 'c0000001-0000-4000-8000-000000000001' })).toEqual([]);
  });

  it('refuses NUL bytes and strings longer than the limit, naming the path', () => {
    const violations = checkArguments([arg('input', person)], { input: { name: `A\u0000${'x'.repeat(DEFAULT_MAX_LENGTH)}` } });
    expect(violations.map((v) => `${v.field}:${v.rule}`)).toEqual(['input.name:no-control-characters', 'input.name:max-length']);
  });

  it('refuses half of a surrogate pair, which PostgreSQL cannot store as JSON, and accepts an emoji', () => {
    expect(checkArguments([arg('input', person)], { input: { name: 'x\uD800' } })).toEqual([expect.objectContaining({ field: 'input.name', rule: 'well-formed-unicode' })]);
    expect(checkArguments([arg('input', person)], { input: { name: 'Ada 😀 \uDC00' } })).toEqual([expect.objectContaining({ rule: 'well-formed-unicode' })]);
    expect(checkArguments([arg('input', person)], { input: { name: 'Ada 😀' } })).toEqual([]);
  });

  it('refuses a list longer than the limit without looking at its items', () => {
    const list = arg('ids', new GraphQLList(GraphQLID));
    expect(checkArguments([list], { ids: Array.from({ length: DEFAULT_MAX_ITEMS + 1 }, () => 'nope') })).toEqual([expect.objectContaining({ field: 'ids', rule: 'max-items' })]);
  });

  it('reports an impossible date with the path it came from', () => {
    expect(checkArguments([arg('on', GraphQLString)], { on: parseDate('2026-02-30') })).toEqual([expect.objectContaining({ field: 'on', rule: 'date' })]);
  });

  it('names the whole path of a value deep in lists of inputs, with the message naming it too', () => {
    const update = new GraphQLInputObjectType({ name: 'U', fields: { episodeId: { type: new GraphQLNonNull(GraphQLID) }, note: { type: GraphQLString } } });
    const upload = new GraphQLInputObjectType({ name: 'Upload', fields: { updates: { type: new GraphQLList(new GraphQLNonNull(update)) } } });
    const ok = 'c0000001-0000-4000-8000-000000000001';
    const violations = checkArguments([arg('input', upload)], { input: { updates: [{ episodeId: ok }, { episodeId: ok, note: 'a\u0000' }, { episodeId: 'DFL-1' }] } });
    expect(violations.map((v) => `${v.field}:${v.rule}`)).toEqual(['input.updates[1].note:no-control-characters', 'input.updates[2].episodeId:uuid']);
    expect(violations[1]!.message).toMatch(/^input\.updates\[2\]\.episodeId is not an id/);
    expect(checkArguments([arg('input', upload)], { input: { updates: [{ episodeId: ok }] } })).toEqual([]);
  });

  it('checks an input type that holds itself (a filter of filters) at every depth', () => {
    const filter: GraphQLInputObjectType = new GraphQLInputObjectType({ name: 'F', fields: () => ({ id: { type: GraphQLID }, any: { type: new GraphQLList(filter) } }) });
    expect(checkArguments([arg('filter', filter)], { filter: { any: [{ any: [{ id: 'nope' }] }] } })).toEqual([expect.objectContaining({ field: 'filter.any[0].any[0].id', rule: 'uuid' })]);
  });
});

describe('ids are spelled one way before a resolver sees them', () => {
  const arg = (name: string, type: GraphQLArgument['type']): GraphQLArgument => ({ name, type, description: undefined, defaultValue: undefined, deprecationReason: undefined, extensions: {}, astNode: undefined });
  const upper = 'C0000001-0000-4000-8000-00000000000A';

  it('lower-cases ids in arguments, in inputs, in lists and in inputs that hold themselves, and nothing else', () => {
    const filter: GraphQLInputObjectType = new GraphQLInputObjectType({ name: 'F2', fields: () => ({ id: { type: GraphQLID }, name: { type: GraphQLString }, any: { type: new GraphQLList(filter) } }) });
    const args = [arg('id', GraphQLID), arg('ids', new GraphQLList(GraphQLID)), arg('filter', filter), arg('name', GraphQLString)];
    const spelled = canonicalArguments(args, { id: upper, ids: [upper, null], filter: { name: 'MiXed', any: [{ id: upper, name: 'KEEP' }] }, name: 'MiXed', extra: 'X' });
    expect(spelled).toEqual({ id: upper.toLowerCase(), ids: [upper.toLowerCase(), null], filter: { name: 'MiXed', any: [{ id: upper.toLowerCase(), name: 'KEEP' }] }, name: 'MiXed', extra: 'X' });
  });

  it('hands a resolver fresh lists and ordinary objects: what it changes never reaches a value shared between requests, such as a default', () => {
    const input = new GraphQLInputObjectType({ name: 'I4', fields: { tags: { type: new GraphQLList(GraphQLString) } } });
    const shared = ['a'];
    const inline = Object.assign(Object.create(null) as object, { tags: shared });
    const spelled = canonicalArguments([arg('input', input), arg('tags', new GraphQLList(GraphQLString))], { input: inline, tags: shared }) as { input: { tags: string[] }; tags: string[] };
    expect(spelled.tags).toEqual(['a']);
    expect(spelled.tags).not.toBe(shared);
    expect(spelled.input.tags).not.toBe(shared);
    expect(Object.getPrototypeOf(spelled.input)).toBe(Object.prototype);
  });

  it('leaves the caller’s values as they were sent (a spelled copy, never the original changed)', () => {
    const input = new GraphQLInputObjectType({ name: 'I3', fields: { id: { type: GraphQLID } } });
    const values = { input: { id: upper }, ids: [upper] };
    canonicalArguments([arg('input', input), arg('ids', new GraphQLList(GraphQLID))], values);
    expect(values).toEqual({ input: { id: upper }, ids: [upper] });
  });
});

describe('an access policy', () => {
  type Resources = { 'thing:read': void; 'thing:change': { ownerId: string } };
  const policy = definePolicy<Resources>(
    { 'thing:read': { describe: 'read things', roles: ANYONE_SIGNED_IN }, 'thing:change': { describe: 'change things', roles: ['OFFICER'], on: (actor, thing) => thing.ownerId === actor.agencyId } },
    { 'Query.thing': 'thing:read', 'Mutation.change': 'thing:change' },
  );
  const officer: Actor = { personId: 'p', agencyId: 'unit', roles: ['OFFICER'], actingFor: null };

  it('answers UNAUTHENTICATED to nobody, and a role refusal that names the action', () => {
    expect(() => policy.assertCan(null, 'thing:read')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
    expect(() => policy.assertCan({ ...officer, roles: ['ANALYST'] }, 'thing:change', { ownerId: 'unit' })).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN', action: 'thing:change' } }));
  });

  it('refuses a record the role may not touch with the generic answer, revealing nothing of it', () => {
    expect(() => policy.assertCan(officer, 'thing:change', { ownerId: 'other' })).toThrow(expect.objectContaining({ message: 'You are not allowed to do this.', extensions: { code: 'FORBIDDEN' } }));
    expect(policy.can(officer, 'thing:change', { ownerId: 'unit' })).toBe(true);
  });
});
