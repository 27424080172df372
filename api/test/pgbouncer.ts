import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../src/db/free-port.js';

export interface PgBouncer {
  port: number;
  stop(): Promise<void>;
}

const PGBOUNCER = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() !== undefined));
    socket.once('error', () => resolve(false));
  });
}

/**
 * Debian's PgBouncer (1.18: no prepared statements across transactions) in transaction mode in
 * front of `pgPort`, every database passed through, as a deployment behind a pooler runs.
 */
export async function startPgBouncer(pgPort: number, user: string, password: string, { poolSize = 40 } = {}): Promise<PgBouncer> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-pgbouncer-'));
  const port = await findFreePort();
  // PgBouncer refuses to run as root (CI runs as root): it then runs as nobody, who must read and write here.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(dir, 0o777);
  await writeFile(join(dir, 'users.txt'), `"${user}" "${password}"\n`, { mode: asRoot ? 0o644 : 0o600 });
  await writeFile(join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `* = host=127.0.0.1 port=${pgPort}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = scram-sha-256',
    `auth_file = ${join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    'max_client_conn = 2000',
    `default_pool_size = ${poolSize}`,
    // node-postgres sends these at start-up; PgBouncer refuses unknown ones otherwise.
    'ignore_startup_parameters = extra_float_digits,options',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n'));
  const command = asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', PGBOUNCER] : [PGBOUNCER];
  const child: ChildProcess = spawn(command[0]!, [...command.slice(1), join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let waited = 0; !(await accepts(port)); waited += 50) {
    if (waited > 10_000 || child.exitCode !== null) throw new Error(`pgbouncer did not start (see ${dir}/pgbouncer.log)`);
    await sleep(50);
  }
  return {
    port,
    async stop() {
      child.kill('SIGINT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
