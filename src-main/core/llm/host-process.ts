// The core's handle on one model host process: spawns it, routes replies to the request that
// asked, and turns the process's death into an error for everything still waiting. A plain
// child_process (not Electron's utilityProcess) so the same code runs under Node and Electron.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchItemResult, FromHost, ToHost } from './protocol';

export interface HostScript {
  script: string;
  execArgv: string[];
}

/**
 * Where the host's entry file is: model-host.js beside the running bundle (Electron build), or
 * model-host.ts beside this file run through tsx (tests, browser mode, benches).
 */
export function defaultHostScript(): HostScript {
  const here = dirname(fileURLToPath(import.meta.url));
  const js = join(here, 'model-host.js');
  if (existsSync(js)) return { script: js, execArgv: [] };
  const ts = join(here, 'model-host.ts');
  if (existsSync(ts)) return { script: ts, execArgv: ['--import', 'tsx'] };
  throw new Error(`The model host script was not found beside ${here} (model-host.js or model-host.ts).`);
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the process wrote to stderr: llama.cpp's assertion, if that is what killed it. */
  stderr: string;
}

type Waiter = (msg: FromHost) => boolean;

export class HostProcess {
  private readonly child: ChildProcess;
  private readonly waiters = new Set<{ accept: Waiter; reject: (e: Exit) => void }>();
  private stderrTail = '';
  private exited: Exit | null = null;
  private stopping = false;
  readonly ready: Promise<void>;
  onExit: ((exit: Exit, expected: boolean) => void) | null = null;
  onChunk: ((id: number, text: string) => void) | null = null;
  onItem: ((id: number, item: BatchItemResult) => void) | null = null;

  constructor(host: HostScript, env: Record<string, string> = {}) {
    this.child = fork(host.script, [], {
      execArgv: host.execArgv,
      // ELECTRON_RUN_AS_NODE: under Electron, process.execPath is the Electron binary.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (s: string) => {
      this.stderrTail = (this.stderrTail + s).slice(-4000);
    });
    this.child.on('message', (msg: FromHost) => this.route(msg));
    this.child.on('exit', (code, signal) => {
      this.exited = { code, signal, stderr: this.stderrTail.trim() };
      for (const w of this.waiters) w.reject(this.exited);
      this.waiters.clear();
      this.onExit?.(this.exited, this.stopping);
    });
    this.ready = this.waitFor((m) => m.type === 'ready').then(() => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exited === null;
  }

  /** The process was ended on purpose (stop()), not by a crash. */
  get stopped(): boolean {
    return this.stopping;
  }

  private route(msg: FromHost): void {
    if (msg.type === 'chunk') this.onChunk?.(msg.id, msg.text);
    else if (msg.type === 'item') this.onItem?.(msg.id, msg.item);
    for (const w of this.waiters) {
      if (w.accept(msg)) {
        this.waiters.delete(w);
        return;
      }
    }
  }

  /** Resolves with the first message `match` accepts; rejects with the Exit if the process dies first. */
  waitFor<M extends FromHost>(match: (m: FromHost) => m is M): Promise<M>;
  waitFor(match: (m: FromHost) => boolean): Promise<FromHost>;
  waitFor(match: (m: FromHost) => boolean): Promise<FromHost> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.waiters.add({
        accept: (m) => {
          if (!match(m)) return false;
          resolve(m);
          return true;
        },
        reject,
      });
    });
  }

  send(msg: ToHost): void {
    if (this.alive && this.child.connected) this.child.send(msg);
  }

  /** Ends the process on purpose (switching models, closing the core). */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.stopping = true;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGKILL');
    await gone;
  }

  /** For tests: kill it as a crash would. */
  crash(): void {
    this.child.kill('SIGKILL');
  }
}
