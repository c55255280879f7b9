/**
 * OPS-D10: a second deflection of the same person links to the first. People are matched on normalised family
 * name, given name and date of birth. Without a date of birth no match is attempted, because two people with the
 * same name are too common to merge their records; nor when either name has no letters left once normalised, since
 * every such name would share one key (a name in a script the normaliser dropped once merged unrelated people).
 */
export function normaliseName(name: string): string {
  // Letters of every script, without accents or case: "José" and "JOSE" match, "Иван" and "王" stay themselves.
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]/gu, '');
}

/** The key two records of the same person share, or null when this record must never be matched to another. */
export function matchKey(person: { givenName: string; familyName: string; dateOfBirth?: string | null }): string | null {
  const family = normaliseName(person.familyName);
  const given = normaliseName(person.givenName);
  if (!person.dateOfBirth || !family || !given) return null;
  return `${family}|${given}|${person.dateOfBirth}`;
}
