// `npm run web`: build the UI, then serve it with the real core on 127.0.0.1.
import { spawnSync, spawn } from 'node:child_process';

const skipBuild = process.argv.includes('--no-build');
if (!skipBuild) {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/web/main.ts'], { stdio: 'inherit' });
const forward = (sig) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
