/** The services a licensed provider offers (TRT-1); the treatment subgraph owns providers, reporting counts by them. */
export const TREATMENT_SERVICES = [
  'SUD_OUTPATIENT',
  'SUD_INTENSIVE_OUTPATIENT',
  'SUD_RESIDENTIAL',
  'WITHDRAWAL_MANAGEMENT',
  'MEDICATION_FOR_OPIOID_USE_DISORDER',
  'MENTAL_HEALTH',
  'RECOVERY_SUPPORT',
  'RECOVERY_HOUSING',
  'PEER_SUPPORT',
] as const;
export type TreatmentService = (typeof TREATMENT_SERVICES)[number];

/** The states of a treatment episode (TRT-2); the treatment subgraph owns the machine, its events carry them. */
export const EPISODE_STATES = [
  'REFERRED', 'ACKNOWLEDGED', 'DECLINED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED', 'DISCHARGED', 'LOST_CONTACT',
] as const;
export type EpisodeState = (typeof EPISODE_STATES)[number];
