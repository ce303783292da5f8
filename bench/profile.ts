import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Runs `fn` under V8's sampling profiler when `file` is set (BENCH_CPU_PROFILE=out.cpuprofile),
 * and writes the profile there (open it in Chrome DevTools); otherwise just runs `fn`.
 */
export async function profileWhile<T>(file: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
