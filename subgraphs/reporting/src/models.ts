import type { StatisticDimension, StatisticMeasure } from './generated/resolvers-types.js';
import type { Cell, StatisticTable } from './statistics/run.js';

/** Reporting owns no agency rows: an agency here is only the key the gateway hands over. */
export interface AgencyReference {
  id: string;
}

/** A provider or person of another subgraph, by id: the gateway fetches the rest from its owner. */
export interface EntityReference {
  id: string;
}

export interface SuppressibleCountModel {
  value: number | null;
  suppressed: boolean;
}

export interface StatisticsResultModel extends StatisticTable {
  groupBy: readonly StatisticDimension[];
  measures: readonly StatisticMeasure[];
  statusesCounted: readonly string[];
  suppressionThreshold: number;
  asOf: Date;
}

export type DimensionValueModel = Cell['dimensions'][number];
