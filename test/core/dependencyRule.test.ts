// The core imports no adapter: the ESLint rule that enforces it really fires.
import { describe, expect, test } from '@jest/globals';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const lint = async (filePath: string, code: string) => {
  const [result] = await new ESLint({ cwd }).lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
};

describe('dependency rule', () => {
  test.each([
    ["import { connect } from 'node:tls';"],
    ["import { Socket } from 'node:net';"],
    ["import { readFileSync } from 'node:fs';"],
    ["import { App } from '@slack/bolt';"],
    ["import { KubeConfig } from '@kubernetes/client-node';"],
    ["import Database from 'better-sqlite3';"],
    ["import * as client from 'openid-client';"],
    ["import { readConfig } from '../../config.js';"],
  ])('src/core may not: %s', async (code) => {
    expect(await lint(`${cwd}/src/core/diagnosis/example.ts`, `${code}\nexport {};\n`)).toContain('no-restricted-imports');
  });

  test('src/core may not read the environment', async () => {
    expect(await lint(`${cwd}/src/core/diagnosis/example.ts`, 'export const x = process.env.HOME;\n')).toContain('no-restricted-globals');
  });

  test('adapters outside the core may', async () => {
    expect(await lint(`${cwd}/src/cli/example.ts`, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([]);
  });
});
