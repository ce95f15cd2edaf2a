// Debian's nginx on loopback, serving sites with the server blocks govsite generates: the
// production block with only the listen addresses (a free port on 127.0.0.1 and [::1]) and the
// certificate (self-signed, made here with openssl) changed. Nothing else differs from production.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/** A self-signed certificate for localhost, 127.0.0.1 and ::1. */
export function makeCertificate(dir: string): { certificate: string; certificateKey: string } {
  const certificate = path.join(dir, 'test.crt');
  const certificateKey = path.join(dir, 'test.key');
  const result = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
    '-keyout', certificateKey, '-out', certificate,
  ], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return { certificate, certificateKey };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The nginx.conf around the site files, as Debian's /etc/nginx/nginx.conf would be (mime types, default type). */
function mainConfig(prefix: string, serverFiles: string[]): string {
  const temp = (name: string) => path.join(prefix, name);
  return [
    // Tests run as root in CI: workers stay root so they can read the temporary folders.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 128; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    '    access_log off;',
    `    client_body_temp_path ${temp('body')};`,
    `    proxy_temp_path ${temp('proxy')};`,
    `    fastcgi_temp_path ${temp('fastcgi')};`,
    `    uwsgi_temp_path ${temp('uwsgi')};`,
    `    scgi_temp_path ${temp('scgi')};`,
    ...serverFiles.map((f) => `    include ${f};`),
    '}',
    '',
  ].join('\n');
}

/** `nginx -t` on a main configuration including `serverFiles`: the exit status and what nginx said. */
export function nginxTest(serverFiles: string[]): { ok: boolean; output: string } {
  const prefix = mkdtempSync(path.join(tmpdir(), 'govsite-nginx-t-'));
  try {
    const conf = path.join(prefix, 'nginx.conf');
    writeFileSync(conf, mainConfig(prefix, serverFiles));
    const result = spawnSync(NGINX!, ['-t', '-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log')], { encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET over HTTPS trusting the test certificate (`ca`), with optional request headers. */
export function get(url: string, ca: Buffer, headers: Record<string, string> = {}, checkName = true): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers, ...(checkName ? {} : { checkServerIdentity: () => undefined }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface RunningNginx {
  port: number;
  url: string;
  get: (pathname: string, headers?: Record<string, string>) => Promise<Response>;
  close: () => Promise<void>;
}

/** Starts nginx in the foreground with `serverFile` (listening on `port`, certificate `certificate`); stops it on close. */
export async function startNginx(serverFile: string, port: number, certificate: string): Promise<RunningNginx> {
  const ca = readFileSync(certificate);
  const prefix = mkdtempSync(path.join(tmpdir(), 'govsite-nginx-'));
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, dir));
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, mainConfig(prefix, [serverFile]));
  const child: ChildProcess = spawn(NGINX!, ['-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = `https://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await get(`${url}/`, ca);
      break;
    } catch (error) {
      if (child.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${stderr} ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    url,
    get: (pathname, headers) => get(new URL(pathname, url).href, ca, headers),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
