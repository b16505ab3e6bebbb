// After the whole e2e run: the "no network" check (issue 15, item 8). The browser-mode server ran
// with tests/e2e/net-guard.cjs preloaded (playwright.config.ts), which appended every outbound
// connection attempt of the core — its child and worker threads included — to
// PATRON_NET_GUARD_FILE. Loopback is allowed (the model-download specs serve from 127.0.0.1, and
// downloads only start when the person starts one); anything else fails the run, with the list.
import { createRequire } from 'node:module';

interface Attempt {
  kind: 'tcp' | 'udp' | 'dns';
  host: string;
  port: number | null;
  loopback: boolean;
  pid: number;
  stack: string;
}

const require = createRequire(import.meta.url);
const { readAttempts } = require('./net-guard.cjs') as { readAttempts(file: string): Attempt[] };

export default function globalTeardown(): void {
  const file = process.env.PATRON_NET_GUARD_FILE;
  if (!file) return;
  const attempts = readAttempts(file);
  const outside = attempts.filter((a) => !a.loopback);
  const count = (list: Attempt[], kind: Attempt['kind']) => list.filter((a) => a.kind === kind).length;
  process.stdout.write(
    `network guard (${file}): ${attempts.length - outside.length} loopback attempts ` +
      `(tcp ${count(attempts, 'tcp') - count(outside, 'tcp')}, udp ${count(attempts, 'udp') - count(outside, 'udp')}, dns ${count(attempts, 'dns') - count(outside, 'dns')}), ` +
      `${outside.length} outbound (tcp ${count(outside, 'tcp')}, udp ${count(outside, 'udp')}, dns ${count(outside, 'dns')})\n`,
  );
  if (outside.length > 0) {
    const list = outside.map((a) => `  ${a.kind} ${a.host}${a.port === null ? '' : `:${a.port}`} (pid ${a.pid}) from ${a.stack}`).join('\n');
    throw new Error(`The core made ${outside.length} outbound network attempt(s) during the e2e run:\n${list}`);
  }
}
