export function startChurn(): { stop(): void } {
  return { stop() {} };
}
