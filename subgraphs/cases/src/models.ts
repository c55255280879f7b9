import type { Participant } from './entities/participant.entity.js';

/** How a caller sees a person: the shared identity, named as the caller's own record names them. */
export interface ParticipantView {
  participant: Participant;
  recorded: { givenName: string; familyName: string; dateOfBirth: string | null };
}
