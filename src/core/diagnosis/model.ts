// The one Diagnosis model every renderer (terminal, Markdown, JSON, Slack) draws from.
import type { Entities } from '../entities/extract.js';
import type { CheckKind } from '../playbook/checkKinds.js';
import type { Category } from '../taxonomy.js';

export interface Evidence {
  line: number;
  text: string;
}

export interface Fix {
  title: string;
  commands: string;
}

/** Another category the same evidence fits about as well, and how to tell them apart. */
export interface Tie {
  category: Category;
  playbook: string;
  check: CheckKind | null;
  how: string | null;
}

export interface Match {
  playbook: string;
  category: Category;
  confidence: number;
  title: string;
  summary: string;
  diagnosis: string;
  evidence: Evidence[];
  entities: Entities;
  fixes: Fix[];
  verify: string;
  references: string[];
  checks: CheckKind[];
  ties: Tie[];
}

export interface Diagnosis {
  matches: Match[];
  /** Entities of the whole paste, whether or not anything matched. */
  entities: Entities;
  /** Things the user should know about how the paste was read. */
  notes: string[];
  lines: number;
}
