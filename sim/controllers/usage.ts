/**
 * Plausible resource usage: a pure function of (who, when), relative to requests and limits.
 * CPU follows a slow daily-ish wave plus per-minute jitter; memory drifts slowly and stays below limits.
 */
import { hashString } from '../fleet/rand';
import { quantityOr0 } from './quantity';
import type { Container } from './pods';

const DEFAULT_CPU = 0.005;
const DEFAULT_MEM = 24 * 1024 * 1024;

function noise(seed: number, bucket: number): number {
  return (hashString(`${seed}:${bucket}`) % 1000) / 1000;
}

export function containerUsage(
  identity: string,
  c: Container,
  nowMs: number,
  crashing = false,
): { cpu: number; memory: number } {
  const seed = hashString(`${identity}/${c.name}`);
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  const cpuReq = quantityOr0(req.cpu ?? lim.cpu) || DEFAULT_CPU * 10;
  const memReq = quantityOr0(req.memory ?? lim.memory) || DEFAULT_MEM * 4;
  const cpuLim = quantityOr0(lim.cpu) || cpuReq * 4;
  const memLim = quantityOr0(lim.memory) || memReq * 2;
  const appetite = 0.15 + (seed % 100) / 110; // 0.15 … 1.05 of requests
  const phase = (seed % 628) / 100;
  const wave = 0.65 + 0.35 * Math.sin((2 * Math.PI * nowMs) / 3_600_000 + phase);
  const jitter = 0.8 + 0.4 * noise(seed, Math.floor(nowMs / 15_000));
  let cpu = Math.max(DEFAULT_CPU / 5, cpuReq * appetite * wave * jitter);
  let memory =
    memReq * (0.45 + 0.5 * appetite) * (0.92 + 0.08 * Math.sin((2 * Math.PI * nowMs) / 7_200_000 + phase));
  if (crashing) {
    cpu *= 0.2;
    memory *= 0.3;
  }
  return { cpu: Math.min(cpu, cpuLim * 0.97), memory: Math.min(memory, memLim * 0.95) };
}

/** What the OS and kubelet use on a node besides pods. */
export function systemUsage(
  node: string,
  allocCpu: number,
  allocMem: number,
  nowMs: number,
): { cpu: number; memory: number } {
  const seed = hashString(node);
  const j = noise(seed, Math.floor(nowMs / 15_000));
  return { cpu: allocCpu * (0.03 + 0.03 * j), memory: allocMem * (0.08 + 0.02 * j) };
}
