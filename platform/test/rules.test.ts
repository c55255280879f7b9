import { describe, expect, it } from '@jest/globals';
import { addDays, canonicalCounty, ConfigError, decodeCursor, encodeCursor, illinoisDate, isIsoDate, isWithin, readChoice, readPort, readUrl } from '../src/index.js';

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

describe('cursors', () => {
  it('round-trips and rejects a cursor the API did not make, naming the argument', () => {
    expect(decodeCursor(encodeCursor(['a', 1]))).toEqual(['a', 1]);
    expect(() => decodeCursor('garbage!')).toThrow(/after is not a cursor/);
  });
});
