/** A survey file as read, before validation: its header and raw cell strings by column. */
export interface SurveyTable {
  file: string;
  header: string[];
  rows: {row: number; cells: Record<string, string>}[];
}
