// Starts the production front (tools/nginx/run.sh: nginx with HTTPS and HTTP/2 before serve.py workers,
// a self-signed certificate) on a free 127.0.0.1 port for a browser test, and stops it again.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SIM_CONTROL_KEY, repoRoot } from './serve_process.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

export async function startFront({ workers = 2, frontArgs = [], serveArgs = [] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'evcharge-front-'));
  const runtime = path.join(dir, 'runtime');
  const port = await freePort();
  const args = ['tools/nginx/run.sh', '--port', String(port), '--bind', '127.0.0.1', '--workers', String(workers),
    '--runtime-dir', runtime, ...frontArgs, '--state', path.join(dir, 'state.sqlite'), '--quiet', ...serveArgs];
  const child = spawn('bash', args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SIM_CONTROL_KEY } });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`run.sh did not start:\n${output}`)), 90000);
    const onData = (chunk) => {
      output += chunk;
      const m = output.match(/serving on (https:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => { clearTimeout(timer); reject(new Error(`run.sh exited (${code}):\n${output}`)); });
  });
  return {
    url,
    runtime,
    get output() { return output; },
    // run.sh's exit status after SIGTERM (0 when everything stopped cleanly)
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 30000))]);
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
