import type {
  Ethnicity, ForceLocationType, ForceQualifier, ForceType, InitialContactReason, PerceivedCondition, Race, Sex, SubjectArmed, SubjectInjury,
  SubjectResistance, SupervisorInvolvement,
} from '@hub/platform/domain';

/** One person force was used on: never a name, only what the collection's subject segment asks. */
export interface ForceSubject {
  age: number | null;
  sex: Sex;
  race: Race;
  ethnicity: Ethnicity;
  heightInches: number | null;
  weightPounds: number | null;
  injuries: SubjectInjury[];
  forceTypes: ForceType[];
  resistance: SubjectResistance[];
  perceivedConditions: PerceivedCondition[];
  armed: SubjectArmed;
}

/** One officer who applied force, from the reporting agency. */
export interface ForceOfficer {
  age: number | null;
  sex: Sex;
  race: Race;
  ethnicity: Ethnicity;
  yearsOfService: number | null;
  fullTime: boolean;
  onDuty: boolean;
  injured: boolean;
  forceTypes: ForceType[];
  firearmDischarged: boolean;
}

export interface UseOfForceFields {
  agencyIncidentNumber: string | null;
  occurredAt: Date;
  qualifiers: ForceQualifier[];
  officersApplyingForce: number;
  officersFromAgency: number;
  location: string;
  locationType: ForceLocationType;
  initialContactReason: InitialContactReason;
  officersApproached: boolean;
  ambush: boolean;
  supervisor: SupervisorInvolvement;
  subjects: ForceSubject[];
  officers: ForceOfficer[];
}
