import { describe, expect, it, jest } from '@jest/globals';
import { DriverException } from '@mikro-orm/core';
import { locatedError } from 'graphql';
import pg from 'pg';
import { freePort } from '../src/db/index.js';
import { formatError } from '../src/server/format-error.js';

/** What a client receives when a resolver throws `error`, as Apollo hands it to formatError. */
function answerTo(error: Error) {
  const located = locatedError(error, undefined, ['quickReferral']);
  return formatError({ message: located.message, path: located.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located);
}

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('an unreachable database answers DATABASE_UNAVAILABLE, retryable; any other failure stays an internal error', () => {
  it('answers DATABASE_UNAVAILABLE to the pg driver’s own refusal when nothing listens on the port', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: await freePort(), user: 'nobody', database: 'nothing' });
    const refused = await client.connect().then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(refused).not.toBeNull();
    expect(answerTo(refused!)).toEqual({ message: 'The database did not answer. Try again in a moment.', path: ['quickReferral'], extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true } });
  });

  it.each([
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a server shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['a reset socket wrapped by MikroORM', new DriverException(withCode('read ECONNRESET', 'ECONNRESET'))],
    ['a refusal one cause deep', new Error('the command failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') })],
  ])('answers DATABASE_UNAVAILABLE to %s', (_, error) => {
    expect(answerTo(error).extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryable: true });
  });

  it.each([
    ['a unique violation (23505)', withCode('duplicate key value violates unique constraint', '23505')],
    ['a permission refusal (42501)', withCode('permission denied for table audit_record', '42501')],
    ['a bug', new TypeError('Cannot read properties of undefined')],
  ])('keeps %s an internal error, without its details', (_, error) => {
    // formatError logs what it hides; here it hides on purpose, so the test log stays quiet.
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(answerTo(error)).toEqual({ message: 'Internal server error.', path: ['quickReferral'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});
