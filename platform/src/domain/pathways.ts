/** The six deflection pathways: five in ISP OPS-092 III.B, the sixth in 50 ILCS 71 sec. 15(b) (OPS-D2). */
export const PATHWAYS = [
  'SELF_REFERRAL',
  'ACTIVE_OUTREACH',
  'NALOXONE_PLUS',
  'OFFICER_PREVENTION',
  'OFFICER_INTERVENTION',
  'PRE_ARREST_DIVERSION',
] as const;
export type Pathway = (typeof PATHWAYS)[number];
