// Real servers on loopback for the probe and CLI tests: node:tls with any options,
// plaintext HTTP, and `openssl s_server` for what Node cannot be asked to do.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
  /** TLS connections the server saw (handshakes attempted). */
  connections(): number;
}

export async function startTlsServer(options: TlsOptions, host = '127.0.0.1'): Promise<RunningServer> {
  let count = 0;
  const server = createTlsServer(options, (socket) => {
    socket.on('error', () => undefined);
    socket.end('hello\n');
  });
  server.on('connection', () => count++);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function startHttpServer(): Promise<RunningServer> {
  let count = 0;
  const server = createHttpServer((_req, res) => res.end('plain\n'));
  server.on('connection', () => count++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `openssl s_server` on a free port; resolves once it accepts connections. */
export async function startOpenSslServer(args: string[]): Promise<RunningServer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    const child = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-naccept', '100', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let timer: NodeJS.Timeout | undefined;
    const ready = await new Promise<boolean>((resolve) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('ACCEPT')) resolve(true);
        if (/error|unable/i.test(out)) resolve(false);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', () => resolve(false));
      timer = setTimeout(() => resolve(false), 5000);
    });
    clearTimeout(timer);
    if (ready) return { port, connections: () => NaN, close: () => stop(child) };
    await stop(child);
  }
  throw new Error('openssl s_server did not start');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
}
