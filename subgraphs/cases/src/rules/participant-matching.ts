import { createHash } from 'node:crypto';

/**
 * OPS-D10: a second deflection of the same person links to the first. People are matched on normalised family
 * name, given name and date of birth. Without a date of birth no match is attempted, because two people with the
 * same name are too common to merge their records; nor when either name has no letters left once normalised, since
 * every such name would share one key (a name in a script the normaliser dropped once merged unrelated people).
 */

/** Scripts whose combining marks are accents a clerk may or may not type: "José" is "Jose". */
const ACCENTED_LETTER = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

export function normaliseName(name: string): string {
  // Everywhere else a mark is part of the letter: Devanagari मीना and मोना differ only in their vowel signs.
  return name.normalize('NFKD').replace(ACCENTED_LETTER, '$1').toLowerCase().replace(/[^\p{L}\p{M}]/gu, '').normalize('NFC');
}

/** The column holds 240 characters; a longer key (a hundred Hangul syllables, an Arabic ligature) is kept as its hash. */
const KEY_COLUMN_LENGTH = 240;

/** The key two records of the same person share, or null when this record must never be matched to another. */
export function matchKey(person: { givenName: string; familyName: string; dateOfBirth?: string | null }): string | null {
  const family = normaliseName(person.familyName);
  const given = normaliseName(person.givenName);
  if (!person.dateOfBirth || !family || !given) return null;
  const key = `${family}|${given}|${person.dateOfBirth}`;
  return key.length <= KEY_COLUMN_LENGTH ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}
