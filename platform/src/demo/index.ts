export * from './catalogue.js';
export {
  demoHistory,
  type DemoHistory,
  type HistoryApproval,
  type HistoryClosure,
  type HistoryContactAttempt,
  type HistoryDeflection,
  type HistoryEpisode,
  type HistoryEpisodeStep,
  type HistoryPerson,
  type HistoryPlan,
  type HistoryReview,
} from './history.js';
export {
  demoCrisisHistory,
  DEMO_CRISIS_FILERS,
  type CrisisCorrection,
  type CrisisHistoryIncident,
  type CrisisHistorySubmission,
  type DemoCrisisHistory,
  type ForceHistoryIncident,
  type ForceHistoryOfficer,
  type ForceHistorySubject,
  type ForceHistorySubmission,
} from './crisis-history.js';
