// The bundled playbooks, loaded once per test file.
import type { PatternIndex } from '../../src/core/match/scanner.js';
import { loadPatternIndex } from '../../src/playbookFiles/loadPlaybooks.js';

let index: PatternIndex | undefined;
export function bundledIndex(): PatternIndex {
  return (index ??= loadPatternIndex());
}
