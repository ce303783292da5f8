export interface FindElectronBinaryInput {
  electronDir: string;
  env?: Record<string, string | undefined>;
  readFile(file: string): string | undefined;
  exists(file: string): boolean;
}
export function findElectronBinary(input: FindElectronBinaryInput): string | undefined;

export interface LaunchFacts {
  platform: string;
  env?: Record<string, string | undefined>;
  uid?: number;
  binary?: string;
  sqliteBinding?: string;
}
export type LaunchDecision = { ok: true } | { ok: false; reason: string };
export function electronLaunchDecision(facts: LaunchFacts): LaunchDecision;
