/**
 * OPS-D10: a second deflection of the same person links to the first. People are matched on normalised family
 * name, given name and date of birth; without a date of birth no match is attempted, because two people with
 * the same name are too common to merge their records.
 */
function normalise(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

export function matchKey(person: { givenName: string; familyName: string; dateOfBirth?: string | null }): string {
  return `${normalise(person.familyName)}|${normalise(person.givenName)}|${person.dateOfBirth ?? ''}`;
}

export function canMatch(person: { dateOfBirth?: string | null }): boolean {
  return Boolean(person.dateOfBirth);
}
