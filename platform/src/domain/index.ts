export { canonicalCounty } from './illinois-counties.js';
export { illinoisDate, isIsoDate, isWithin, addDays, illinoisDayStart } from './dates.js';
export { PATHWAYS, type Pathway } from './pathways.js';
export { AGENCY_KINDS, LAW_ENFORCEMENT_KINDS, ISP_KINDS, FIRST_RESPONDER_KINDS, isLawEnforcementKind, isIspKind, type AgencyKind } from './agency-kinds.js';
export { DEFLECTION_STATUSES, type DeflectionStatus } from './deflection-statuses.js';
