import { DatasetFacts } from './dataset';
export function hazardReport(facts: DatasetFacts, _results: unknown, _url: string): string { return JSON.stringify(facts, null, 2); }
