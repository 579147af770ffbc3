// The playbook file format: one YAML file per playbook, validated strictly (unknown keys
// are errors) so a typo in a key never silently disables part of a playbook.
import { z } from 'zod';
import { CATEGORIES } from '../taxonomy.js';
import { CAPTURE_NAMES } from './captureNames.js';
import { CHECK_KINDS } from './checkKinds.js';

const patternText = z.string().min(3).describe('RE2 regular expression, matched case-insensitively against one normalised log line');

const matchPattern = z
  .strictObject({
    pattern: patternText,
    software: z.string().min(1).optional().describe('which program prints this wording (go, openssl, node, java, python, curl, nginx, envoy, etcd, …)'),
    weight: z.number().min(0.05).max(0.99).default(0.8).describe('confidence when this wording alone matches'),
  })
  .describe('A wording of the failure; any one of them makes the playbook match.');

const contextPattern = z.strictObject({
  pattern: patternText,
  boost: z.number().min(-0.9).max(0.5).describe('added to the confidence when this pattern matches any line of the paste'),
});

const capturePattern = z.strictObject({
  pattern: patternText.describe('RE2 expression with named groups (?P<name>…) naming entities'),
});

const fix = z.strictObject({
  title: z.string().min(3),
  commands: z.string().min(1).describe('shell commands or config, templated with {{variable}} or {{variable|default}}'),
});

const entityExpectation = z.strictObject({
  hosts: z.array(z.string()).optional(),
  ips: z.array(z.string()).optional(),
  ports: z.array(z.number().int()).optional(),
  urls: z.array(z.string()).optional(),
  sni: z.array(z.string()).optional(),
  cert_dns_names: z.array(z.string()).optional(),
  cert_ips: z.array(z.string()).optional(),
  namespaces: z.array(z.string()).optional(),
  services: z.array(z.string()).optional(),
  pods: z.array(z.string()).optional(),
  secrets: z.array(z.string()).optional(),
  certificates: z.array(z.string()).optional(),
  issuers: z.array(z.string()).optional(),
  software: z.array(z.string()).optional(),
  target: z
    .strictObject({
      host: z.string().nullable().optional(),
      ip: z.string().nullable().optional(),
      port: z.number().int().nullable().optional(),
    })
    .optional(),
});

const example = z.strictObject({
  name: z.string().min(1).optional(),
  log: z.string().min(1),
  match: z.boolean().default(true).describe('false: a negative example, this playbook must not match'),
  best: z.boolean().default(true).describe('positives: the best match must carry this playbook\'s category'),
  entities: entityExpectation.optional().describe('entities the match must yield (a subset check)'),
});

const distinguish = z.strictObject({
  category: z.enum(CATEGORIES),
  check: z.enum(CHECK_KINDS),
  how: z.string().min(10).describe('what the live check shows for each category'),
});

export const playbookSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by dashes'),
    title: z.string().min(5),
    category: z.enum(CATEGORIES),
    summary: z.string().min(10).describe('one sentence, templated'),
    diagnosis: z.string().min(20).describe('what is wrong and why, templated'),
    match: z.array(matchPattern).min(1),
    context: z.array(contextPattern).default([]),
    captures: z.array(capturePattern).default([]),
    checks: z.array(z.enum(CHECK_KINDS)).default([]).describe('live checks this playbook wants'),
    distinguish: z.array(distinguish).default([]),
    fixes: z.array(fix).min(1),
    verify: z.string().min(5),
    references: z.array(z.string().url()).min(1),
    examples: z.array(example).min(3),
  })
  .superRefine((p, ctx) => {
    const positives = p.examples.filter((e) => e.match).length;
    const negatives = p.examples.length - positives;
    if (positives < 2) ctx.addIssue({ code: 'custom', path: ['examples'], message: `needs at least 2 positive examples, has ${positives}` });
    if (negatives < 1) ctx.addIssue({ code: 'custom', path: ['examples'], message: 'needs at least 1 negative example (match: false)' });
  });

export type Playbook = z.output<typeof playbookSchema>;
export type PlaybookExample = Playbook['examples'][number];
export type EntityExpectation = z.output<typeof entityExpectation>;

/** JSON Schema for editors (yaml-language-server), generated from the same definition. */
export function playbookJsonSchema(): object {
  const schema = z.toJSONSchema(playbookSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'tlsdoc playbook', $id: 'https://tlsdoc.dev/schema/playbook.json', 'x-capture-names': CAPTURE_NAMES };
}
