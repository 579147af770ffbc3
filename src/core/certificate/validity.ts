// Expired, not yet valid, or about to expire: every certificate presented counts, since a
// client rejects the chain when any link is out of its validity period.
import { certificateLabel, type CertificateFacts } from './facts.js';
import { finding, type Finding } from './finding.js';
import { renewFix } from './fixCommands.js';

/** Certificates that expire within this many days get a warning. */
const EXPIRY_WARNING_DAYS = 14;

export function validityFindings(certificates: CertificateFacts[]): Finding[] {
  const out: Finding[] = [];
  for (const f of certificates) {
    const label = certificateLabel(f);
    if (f.validity === 'expired') {
      out.push(finding('expired', 'error', f, `${label} expired on ${day(f.notAfter)} (${duration(-f.secondsLeft)} ago); renew it so notAfter is in the future and deploy it.`, renewFix(f)));
    } else if (f.validity === 'not-yet-valid') {
      const nowMs = Date.parse(f.notAfter) - f.secondsLeft * 1000; // the facts' `now`
      const wait = Math.round((Date.parse(f.notBefore) - nowMs) / 1000);
      out.push(
        finding('not-yet-valid', 'error', f, `${label} is not valid before ${f.notBefore} (${duration(wait)} from now); fix the clock of the issuer or the client, or reissue it with notBefore at or before ${new Date(nowMs).toISOString()}.`, 'date -u; chronyc tracking   # on the client and on the host that issued it\nopenssl x509 -noout -dates -in tls.crt'),
      );
    } else if (f.secondsLeft < EXPIRY_WARNING_DAYS * 86400) {
      out.push(finding('expired', 'warning', f, `${label} expires on ${day(f.notAfter)} (in ${duration(f.secondsLeft)}); renew it before then.`, renewFix(f)));
    }
  }
  return out;
}

const day = (iso: string) => iso.slice(0, 10);

/** `3 days`, `5 hours`, `12 minutes`: the largest unit that is at least one. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const units: [number, string][] = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  for (const [size, name] of units) {
    const n = Math.floor(s / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'}`;
  }
  return '0 seconds';
}
