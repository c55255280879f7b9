/** A deflection as this subgraph sees it: the key the gateway hands over, and the county when a field requires it. */
export interface DeflectionReference {
  id: string;
  county?: string;
}

/** A person in treatment as a reader is shown them: the patient record, or the referrer's own record of them. */
export interface PatientView {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
}
