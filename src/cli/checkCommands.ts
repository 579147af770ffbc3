// `tlsdoc check cert FILE…` and `tlsdoc check endpoint HOST:PORT`: certificate analysis of
// files, and a live handshake analysed for the name or address dialled. Exit 0 whatever
// the findings (they are the answer); 2 for usage errors.
import { Option, type Command } from 'commander';
import { formatOption, noteWriter, timeoutMs } from './commonOptions.js';
import type { CheckReport } from '../core/render/checkReport.js';
import { TlsdocError } from '../core/errors.js';
import type { TlsVersion } from '../core/probe/port.js';
import { ANSI_STYLE, PLAIN_STYLE } from '../core/render/text.js';
import type { CliIO } from './program.js';

interface FormatOptions {
  format: string;
  json?: boolean;
}

const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Adds `check cert` and `check endpoint` under `program` (so they inherit its output and exit settings). */
export function registerCheckCommands(program: Command, io: CliIO, useColor: () => boolean): Command {
  const from = { stdin: io.stdin, maxBytes: io.config.maxInputBytes, notes: noteWriter(io.stderr) };
  const check = program.command('check').description('check certificate files, or a live TLS endpoint');

  check
    .command('cert')
    .description('analyse certificates in PEM/DER files or Secret YAML/JSON (leaf first, then the chain)')
    .argument('<files...>', 'certificate files (- for stdin)')
    .option('--host <name>', 'the DNS name clients verify')
    .option('--ip <address>', 'the address clients dial and verify')
    .option('--ca <file>', 'the CA bundle clients trust (default: Node\'s root store)')
    .option('--key <file>', 'private key to match against the leaf (read, compared, never shown)')
    .addOption(new Option('--usage <usage>', 'what the leaf is for').choices(['server', 'client']).default('server'))
    .addOption(formatOption())
    .option('--json', 'same as --format json')
    .action(async (files: string[], opts: FormatOptions & { host?: string; ip?: string; ca?: string; key?: string; usage: 'server' | 'client' }) => {
      if (opts.host && opts.ip) throw new TlsdocError('USAGE', 'pass --host or --ip, not both');
      const { analyseCertificates } = await import('../core/certificate/analyse.js');
      const { readCertificateFile, readTrustStore, withPrivateKey } = await import('./certificateInputs.js');
      const certificates = [];
      for (const file of files) certificates.push(...(await readCertificateFile(file, from)).certificates);
      const trust = await readTrustStore(opts.ca, from);
      const input = { certificates, host: opts.host, ip: opts.ip, caBundle: trust.store, usage: opts.usage, now: new Date() };
      const analysis = opts.key ? await withPrivateKey(opts.key, from, (privateKey) => analyseCertificates({ ...input, privateKey })) : analyseCertificates(input);
      await print({ findings: analysis.findings, certificates: analysis.certificates, chain: analysis.chain, trustLabel: trust.store.label }, opts);
    });

  check
    .command('endpoint')
    .description('handshake with HOST:PORT ([IPv6]:PORT) and analyse what it presents')
    .argument('<endpoint>', 'HOST:PORT, [IPv6]:PORT, or HOST for port 443')
    .option('--sni <name>', 'SNI to send and name to verify (default: HOST when it is a name)')
    .option('--no-sni', 'send no SNI')
    .option('--ca <file>', 'the CA bundle clients trust (default: Node\'s root store)')
    .option('--cert <file>', 'client certificate to offer (with --key)')
    .option('--key <file>', 'client private key (with --cert; only handed to the TLS stack)')
    .option('--timeout <ms>', 'deadline of the whole probe in milliseconds')
    .addOption(new Option('--tls-min <version>', 'lowest TLS version to offer').choices(TLS_VERSIONS))
    .addOption(new Option('--tls-max <version>', 'highest TLS version to offer').choices(TLS_VERSIONS))
    .option('--ciphers <list>', 'OpenSSL cipher list to offer (TLS 1.2 and older)')
    .option('--alpn <list>', 'ALPN protocols to offer, comma-separated', 'h2,http/1.1')
    .addOption(formatOption())
    .option('--json', 'same as --format json')
    .action(async (endpoint: string, opts: FormatOptions & { sni?: string | false; ca?: string; cert?: string; key?: string; timeout?: string; tlsMin?: TlsVersion; tlsMax?: TlsVersion; ciphers?: string; alpn: string }) => {
      if (Boolean(opts.cert) !== Boolean(opts.key)) throw new TlsdocError('USAGE', '--cert and --key go together');
      const deadline = timeoutMs(opts.timeout, io.config.probeTimeoutMs);
      const { parseEndpoint } = await import('../core/probe/endpointAddress.js');
      const { isIP } = await import('../core/entities/addresses.js');
      const { assessEndpoint } = await import('../core/probe/assessEndpoint.js');
      const { TlsEndpointProbe } = await import('../probe/tlsEndpointProbe.js');
      const { readCertificateFile, readTrustStore, withPrivateKey } = await import('./certificateInputs.js');
      const { host, port } = parseEndpoint(endpoint);
      const sni = typeof opts.sni === 'string' ? opts.sni : opts.sni === false || isIP(host) ? null : host;
      const alternateSni = sni !== null ? null : !isIP(host) ? host : undefined;
      const trust = await readTrustStore(opts.ca, from);
      const clientFile = opts.cert ? await readCertificateFile(opts.cert, from) : undefined;
      const request = { host, port, sni, alternateSni, ca: trust.bytes, timeoutMs: deadline, minVersion: opts.tlsMin, maxVersion: opts.tlsMax, ciphers: opts.ciphers, alpn: opts.alpn.split(',').filter(Boolean) };
      const probe = new TlsEndpointProbe();
      const result = clientFile && opts.key ? await withPrivateKey(opts.key, from, (key) => probe.probe({ ...request, client: { certificate: clientFile.bytes, key }, clientAuth: true })) : await probe.probe(request);
      const a = assessEndpoint(result, { now: new Date(), caBundle: trust.store, verifyName: sni ?? host, clientCertificates: clientFile?.certificates, minVersion: opts.tlsMin, maxVersion: opts.tlsMax });
      await print({ findings: a.findings, certificates: a.certificates, chain: a.chain, endpoint: a.endpoint, trustLabel: trust.store.label }, opts);
    });

  async function print(report: CheckReport, opts: FormatOptions): Promise<void> {
    const format = opts.json ? 'json' : opts.format;
    if (format === 'json') {
      const { renderCheckJson } = await import('../core/render/checkReport.js');
      io.stdout.write(renderCheckJson(report) + '\n');
      return;
    }
    const { renderCheckMarkdown, renderCheckText } = await import('../core/render/checkReportText.js');
    io.stdout.write(format === 'markdown' ? renderCheckMarkdown(report) : renderCheckText(report, useColor() ? ANSI_STYLE : PLAIN_STYLE));
  }

  return check;
}
