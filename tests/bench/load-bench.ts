/**
 * The benchmark is plain Node ESM JavaScript (bench/*.js, no build step). Tests load it through a
 * computed specifier, which TypeScript leaves untyped, and give it the small types used here.
 */
export const benchUrl = (file: string) => new URL(`../../bench/${file}`, import.meta.url).href;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const loadBench = (file: string): Promise<any> => import(benchUrl(file));

export interface Counts {
  rows: number | undefined;
  nulls: Record<string, number | undefined>;
  duplicateRows: number | undefined;
  badStatus: number | undefined;
  badEmail: number | undefined;
  amountOutOfRange: number | undefined;
}
