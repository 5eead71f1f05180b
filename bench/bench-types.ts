/** What one benchmark reports: printed by it, and written as JSON under bench/results/. */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  notes?: string[];
}

export type Bench = () => Promise<BenchResult>;
