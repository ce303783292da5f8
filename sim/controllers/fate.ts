/**
 * What the simulated container runtime does with a container: pure decisions from the pod spec.
 * Markers (annotations on the pod):
 *   sim.flotilla.dev/crash: "*" or "name,name"   → those containers exit with an error soon after starting
 *   sim.flotilla.dev/run-seconds: "N"            → containers exit 0 after N seconds
 *   sim.flotilla.dev/exit-code: "N"              → exit code used by crashing containers (default 1)
 *   sim.flotilla.dev/oom: "*" or "name,name"     → those containers are OOMKilled (exit 137) soon after starting
 * Without markers: a command ending in `exit N` (N > 0) or `false` crashes, image names that
 * cannot exist fail to pull, and pods with restartPolicy Never/OnFailure run to completion.
 */
import type { KObject } from '../store/api';
import type { Container } from './pods';

export const CRASH = 'sim.flotilla.dev/crash';
export const RUN_SECONDS = 'sim.flotilla.dev/run-seconds';
export const EXIT_CODE = 'sim.flotilla.dev/exit-code';
export const OOM = 'sim.flotilla.dev/oom';

export interface Fate {
  /** Set when the image cannot be pulled: the registry's message. */
  pullError?: string;
  crashes: boolean;
  exitCode: number;
  /** Killed for exceeding its memory limit (reason OOMKilled, exit 137). */
  oomKilled?: boolean;
  /** Milliseconds until a clean exit; undefined = runs until stopped. */
  runMs?: number;
}

// registry/repo[:tag][@digest], lower-case repository path as the reference grammar requires
const REFERENCE =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const MISSING =
  /(?:^|[/:._-])(?:nonexist\w*|does-?not-?exist\w*|no-?such\w*|invalid\w*|bad-?image\w*|missing-?image\w*)(?:$|[/:._-])/i;

export function pullError(image: string | undefined): string | undefined {
  if (!image || !image.trim()) return 'InvalidImageName';
  if (!REFERENCE.test(image))
    return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
  if (MISSING.test(image)) {
    const ref = image.includes('/') ? image : `docker.io/library/${image}`;
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  }
  return undefined;
}

/** The exit code a container's command ends with when it is bound to fail, else undefined. */
function commandExit(c: Container): number | undefined {
  const words = [...(c.command ?? []), ...(c.args ?? [])];
  if (words.length === 0) return /crash-?loop/i.test(c.image ?? '') ? 1 : undefined;
  if (words[0] === 'false' || words[0] === '/bin/false') return 1;
  const m = /(?:^|[\s;&|])exit\s+([1-9]\d*)\s*;?\s*$/.exec(words.join(' '));
  return m ? Number(m[1]) : undefined;
}

export function containerFate(pod: KObject, c: Container): Fate {
  const annotations = pod.metadata.annotations ?? {};
  const marked = annotations[CRASH]?.split(',').map((s) => s.trim());
  const oom = annotations[OOM]?.split(',').map((x) => x.trim());
  if (oom && (oom.includes('*') || oom.includes(c.name))) {
    const err = pullError(c.image);
    return { ...(err ? { pullError: err } : {}), crashes: true, exitCode: 137, oomKilled: true };
  }
  const fromCommand = commandExit(c);
  const crashes =
    Boolean(marked && (marked.includes('*') || marked.includes(c.name))) || fromCommand !== undefined;
  const exitCode = Number(annotations[EXIT_CODE] ?? fromCommand ?? 1) || 1;
  const policy = (pod.spec as { restartPolicy?: string } | undefined)?.restartPolicy ?? 'Always';
  const seconds = Number(annotations[RUN_SECONDS]);
  const runMs =
    Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : policy === 'Always' ? undefined : -1;
  const err = pullError(c.image);
  return { ...(err ? { pullError: err } : {}), crashes, exitCode, ...(runMs !== undefined ? { runMs } : {}) };
}

/** CrashLoopBackOff / ImagePullBackOff delay after the n-th failure (n ≥ 1). */
export const backoffMs = (n: number, base: number, max: number): number =>
  Math.min(max, base * 2 ** Math.max(0, n - 1));
