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
