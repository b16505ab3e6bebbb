// How many CPU threads llama.cpp gets. Its threads spin while they wait for each other, so more
// threads than free physical cores is far worse than fewer: on the 2-core development machine the
// default made generation 20–500x slower, and `npm run bench -- model` measured 1 thread at
// 1,200–3,000 tokens/s where 2 threads gave 5–90 (the other core is never free: the core process,
// the host's own event loop, the UI). So: physical cores less one, never below one.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Physical cores: from /proc/cpuinfo on Linux, else logical CPUs halved where SMT is likely. */
export function physicalCores(): number {
  const logical = availableParallelism();
  if (process.platform === 'linux') {
    try {
      const info = readFileSync('/proc/cpuinfo', 'utf8');
      const cores = new Set<string>();
      let physical = '0';
      for (const line of info.split('\n')) {
        const [k, v] = line.split(':').map((s) => s?.trim());
        if (k === 'physical id') physical = v;
        else if (k === 'core id') cores.add(`${physical}:${v}`);
      }
      if (cores.size > 0) return Math.min(cores.size, logical);
    } catch {
      // Not readable (sandbox): fall through to the estimate.
    }
  }
  // Apple Silicon has no SMT; x64 laptops nearly always have two threads per core.
  if (process.platform === 'darwin' && process.arch === 'arm64') return logical;
  return logical >= 4 ? Math.floor(logical / 2) : logical;
}

/** PATRON_LLM_THREADS overrides (for measuring); otherwise physical cores less one. */
export function chooseThreads(cores = physicalCores(), env = process.env.PATRON_LLM_THREADS): number {
  const forced = Number(env);
  if (env && Number.isInteger(forced) && forced > 0) return forced;
  return Math.max(1, Math.min(cores - 1, 16));
}
