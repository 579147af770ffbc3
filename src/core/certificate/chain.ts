// Chain order and completeness: link each certificate to its issuer (same name, AKI = SKI
// when both are present, and a signature that verifies), first among the certificates
// presented, then in the trust store. What is missing decides between a server that does
// not send its intermediate (incomplete-chain) and a client that lacks the root
// (unknown-ca).
import { certificateLabel, type CertificateFacts } from './facts.js';
import { finding, type Finding } from './finding.js';
import { chainFix, trustFix } from './fixCommands.js';
import type { SignatureCheck } from './signature.js';
import type { TrustStore } from './trustStore.js';

export interface ChainMember<C> {
  facts: CertificateFacts;
  cert: C;
}

export interface ChainSummary {
  /** Indices of the presented certificates from the leaf up, as their signatures link them. */
  path: number[];
  /** What the chain ends at: a presented self-signed root, or a trust-store certificate. */
  anchor: { subject: string; source: 'presented' | 'trust' } | null;
  /** Whether it leads to the trust store; null when no trust store was given. */
  trusted: boolean | null;
}

export interface ChainAnalysis {
  summary: ChainSummary;
  findings: Finding[];
}

const isCA = (f: CertificateFacts) => f.basicConstraints?.ca === true;

/** The first certificate that is not a CA (servers send the leaf first; some bundles do not). */
function leafIndex(facts: CertificateFacts[]): number {
  const i = facts.findIndex((f) => !isCA(f));
  return i < 0 ? 0 : i;
}

export function analyseChain<C>(members: ChainMember<C>[], trust: TrustStore<C> | null, verify: SignatureCheck<C>): ChainAnalysis {
  const summary: ChainSummary = { path: [], anchor: null, trusted: null };
  if (members.length === 0) return { summary, findings: [] };
  const findings: Finding[] = [];
  const leaf = leafIndex(members.map((m) => m.facts));
  const used = new Set([leaf]);
  summary.path.push(leaf);
  let cur = members[leaf] as ChainMember<C>;
  for (;;) {
    const f = cur.facts;
    if (f.selfIssued && verify(cur.cert, cur.cert)) {
      summary.anchor = { subject: f.subject, source: 'presented' };
      if (trust) {
        summary.trusted = (trust.bySubject.get(f.subject) ?? []).some((a) => verify(cur.cert, a.cert));
        if (!summary.trusted) findings.push(untrustedRoot(f, summary.path.length === 1, trust));
      }
      break;
    }
    const named = members.map((m, i) => ({ m, i })).filter(({ m, i }) => !used.has(i) && m.facts.subject === f.issuer);
    const issuer = named.find(({ m }) => keyIdsAgree(f, m.facts) && verify(cur.cert, m.cert));
    if (issuer) {
      used.add(issuer.i);
      summary.path.push(issuer.i);
      cur = issuer.m;
      continue;
    }
    if (named.length) {
      const other = named[0]?.m.facts as CertificateFacts;
      findings.push(finding('incomplete-chain', 'error', f, `${certificateLabel(other)} has the name of ${certificateLabel(f)}'s issuer but did not sign it (a re-created CA with the same name?); serve the intermediate whose key ID is ${f.authorityKeyId ?? 'in the leaf\'s AKI'}.`, chainFix(f)));
    }
    if (trust) {
      const anchors = trust.bySubject.get(f.issuer) ?? [];
      const anchor = anchors.find((a) => verify(cur.cert, a.cert));
      if (anchor) {
        summary.anchor = { subject: anchor.subject, source: 'trust' };
        summary.trusted = true;
      } else {
        summary.trusted = false;
        if (!named.length) findings.push(anchors.length ? impostorAnchor(f, trust) : missingIssuer(f, summary.path.length > 1, trust));
      }
    } else if (!isCA(f) && !named.length) {
      findings.push(finding('incomplete-chain', 'warning', f, `${certificateLabel(f)} was issued by ${f.issuer}, which is not among the certificates given; if it is an intermediate, append it after the leaf (pass --ca to check which root clients need).`, chainFix(f)));
    }
    break;
  }
  findings.push(...orderFindings(members, summary.path, used));
  return { summary, findings };
}

/** When both identifiers are present they must agree; otherwise the name decides. */
function keyIdsAgree(child: CertificateFacts, issuer: CertificateFacts): boolean {
  return !child.authorityKeyId || !issuer.subjectKeyId || child.authorityKeyId === issuer.subjectKeyId;
}

function untrustedRoot(root: CertificateFacts, selfSignedLeaf: boolean, trust: TrustStore<unknown>): Finding {
  const what = selfSignedLeaf ? 'is self-signed' : `ends the chain as a self-signed root`;
  return finding('unknown-ca', 'error', root, `${certificateLabel(root)} ${what} and is not in ${trust.label}; add ${root.subject} to the client's trust bundle (or issue the certificate from a CA the client trusts).`, trustFix(root.subject));
}

function impostorAnchor(f: CertificateFacts, trust: TrustStore<unknown>): Finding {
  return finding('unknown-ca', 'error', f, `${trust.label} holds a certificate named ${f.issuer}, but it did not sign ${certificateLabel(f)} (the CA was re-created with a new key?); give the client the CA certificate that did (key ID ${f.authorityKeyId ?? 'unknown'}).`, trustFix(f.issuer));
}

/**
 * The top certificate's issuer is neither presented nor trusted. Servers normally leave the
 * root out, so above an intermediate the client lacks the root (unknown-ca). Above the
 * leaf it is an intermediate the server should send when the leaf says where its issuer is
 * published (public CAs do) or the issuer does not call itself a root; otherwise the
 * leaf came straight from a private root the client lacks.
 */
function missingIssuer(top: CertificateFacts, aboveIntermediate: boolean, trust: TrustStore<unknown>): Finding {
  const label = certificateLabel(top);
  if (aboveIntermediate || isCA(top) || (!top.caIssuers.length && /\broot\b/i.test(top.issuer))) {
    return finding('unknown-ca', 'error', top, `${label} was issued by ${top.issuer}, which is neither sent nor in ${trust.label}; add the root ${top.issuer} to the client's trust bundle.`, trustFix(top.issuer));
  }
  const published = top.caIssuers[0] ? ` (published at ${top.caIssuers[0]})` : '';
  return finding('incomplete-chain', 'error', top, `${label} was issued by ${top.issuer}${published}, which the server does not send and ${trust.label} does not hold; serve the full chain: the leaf, then ${top.issuer}.`, chainFix(top));
}

function orderFindings<C>(members: ChainMember<C>[], path: number[], used: Set<number>): Finding[] {
  const out: Finding[] = [];
  const leaf = (members[path[0] as number] as ChainMember<C>).facts;
  if (path.some((p, i) => p !== i)) {
    const wanted = path.map((i) => certificateLabel((members[i] as ChainMember<C>).facts)).join(', then ');
    out.push(finding('incomplete-chain', 'warning', leaf, `The certificates are out of order (leaf first, each followed by its issuer, they are ${path.join(', ')}); serve ${wanted}.`, 'cat tls.crt intermediate.crt > fullchain.crt   # leaf first, then each issuer'));
  }
  members.forEach((m, i) => {
    if (!used.has(i)) out.push(finding('incomplete-chain', 'warning', m.facts, `${certificateLabel(m.facts)} is not part of ${certificateLabel(leaf)}'s chain; remove it from the bundle.`));
  });
  return out;
}
