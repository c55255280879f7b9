/** Reporting owns no agency rows: an agency here is only the key the gateway hands over. */
export interface AgencyReference {
  id: string;
}

export interface SuppressibleCountModel {
  value: number | null;
  suppressed: boolean;
}
