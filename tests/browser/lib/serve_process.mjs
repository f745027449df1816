// Starts serve.py on a free 127.0.0.1 port for a browser test or benchmark, and stops it again.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The operator's key for /sim/control (serve.py reads it from $SIM_CONTROL_KEY): the tests act as the
// charger with it (charge_steps.mjs simControl); the app itself only ever sends its session's token.
export const SIM_CONTROL_KEY = `test-${randomBytes(16).toString('hex')}`;

export async function startServer(extraArgs = []) {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'evcharge-state-'));
  const args = ['serve.py', '--host', '127.0.0.1', '--port', '0', '--quiet',
    '--state', path.join(stateDir, 'state.sqlite'), ...extraArgs];
  const child = spawn('python3', args, {
    cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SIM_CONTROL_KEY },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    // Generous: loading the simulator's data set takes seconds, and many more on a busy machine.
    const timer = setTimeout(() => reject(new Error(`serve.py did not start:\n${output}`)), 60000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/serving on (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code}):\n${output}`)); });
  });
  return {
    url,
    get output() { return output; },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { child.once('exit', r); setTimeout(r, 3000); });
      }
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
