// Runs `npm run cli` as a person's script would: a child process, its exit code, what it printed,
// and the one JSON line it ends with. Started with node and tsx directly (what the npm script
// runs) so each run does not pay for npm as well; tests/cli/commands.test.ts runs it through npm once.
import { spawn } from 'node:child_process';

export interface CliRun<T = Record<string, unknown>> {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The last line of stdout, parsed. */
  json: T;
}

export interface CliOptions {
  /** The folder the command is run from (what `npm run` passes on as INIT_CWD). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Hears stderr (the progress) as it comes, with a way to signal the process. */
  onStderr?: (text: string, signal: (s: NodeJS.Signals) => void) => void;
}

export function runCli<T = Record<string, unknown>>(args: string[], opts: CliOptions = {}): Promise<CliRun<T>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...(opts.cwd ? { INIT_CWD: opts.cwd } : {}), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    opts.onStderr?.(stderr, (s) => child.kill(s));
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trimEnd().split('\n').pop() ?? '';
      try {
        const json: T = JSON.parse(last);
        resolve({ code, stdout, stderr, json });
      } catch {
        reject(new Error(`The CLI's last line is not JSON (exit ${code}):\n${stdout}\n${stderr}`));
      }
    });
  });
}
