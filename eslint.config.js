// ESLint (flat config): typescript-eslint and react-hooks. Errors are kept for real defects (code
// that misbehaves); matters of style and taste are warnings, so that lint never blocks a merge for
// them. Formatting is Prettier's (.prettierrc.json), not ESLint's. Run with `npm run lint`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'release/**',
      'bench/out/**',
      '.electron-native/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/test-results/**',
      'docs/**',
      'migrations/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser }, ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Taste, not defects: warnings.
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-unused-expressions': ['warn', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-require-imports': 'warn',
      '@typescript-eslint/no-this-alias': 'warn',
      'prefer-const': 'warn',
      'no-empty': ['warn', { allowEmptyCatch: true }],
      'no-useless-escape': 'warn',
      'no-control-regex': 'warn',
      'no-irregular-whitespace': 'warn',
      'no-case-declarations': 'warn',
      'no-constant-condition': ['warn', { checkLoops: false }],
      'no-unsafe-finally': 'warn',
      'preserve-caught-error': 'off',
      'no-useless-assignment': 'warn',
      // Defects: errors.
      'no-undef': 'off', // TypeScript checks names.
      'no-fallthrough': 'error',
      'no-dupe-keys': 'error',
      'no-self-assign': 'error',
      'no-unreachable': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-promise-executor-return': 'off',
    },
  },
  // CommonJS files (the bundled command's loader, scripts/cli-loader.cjs) load with require().
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // (More specific layer rules below replace this one for their files, and forbid Electron too.)
  {
    files: ['core/**/*.ts', 'web/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/ talks to Electron.' }] }],
    },
  },
  // Layers point one way: the model, text helpers and catalogue are below both db/ and the services;
  // db/ is below the services; nothing below the shells imports Electron. A breach is a defect.
  {
    files: ['core/model/**/*.ts', 'core/text.ts', 'core/errors.ts', 'core/i18n/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '**/services/*', '**/api/*', '**/import/*', '**/export/*', '**/core/register.js', '../register.js', 'electron'],
              message: 'core/model, core/text and core/i18n are the bottom layer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../core/*', '!../core/model', '!../core/text.js', '!../core/errors.js', '!../core/files.js', 'electron'],
              message: 'db/ sits on core/model and core/text only: the services are above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Breaking the rules of hooks is a defect; a missing dependency is worth a look.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
