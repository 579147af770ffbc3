// Lint rules, including the dependency rule that keeps the core pure: code under
// src/core may not import adapters (Slack, Kubernetes, SQLite, OIDC, sockets, files).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ADAPTER_PACKAGES = ['@slack/*', '@kubernetes/*', 'better-sqlite3', 'openid-client', 'node:tls', 'node:net', 'node:fs', 'node:fs/promises', 'node:http', 'node:https', 'node:child_process', 'tls', 'net', 'fs', 'http', 'https', 'child_process'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // normalisation strips control characters on purpose
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ADAPTER_PACKAGES, message: 'src/core is pure: live facts come in through ports; adapters live outside src/core.' },
            { group: ['../../*', '!../../core/*'], message: 'src/core may not import code outside src/core.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core reads no environment: configuration is passed in.' }],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } } },
);
