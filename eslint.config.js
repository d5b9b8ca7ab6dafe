import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electronOnlyAtTheEdge = {
  paths: [{ name: 'electron', message: 'Only src/main/electron, src/main/index.ts and src/preload may import electron: keep logic behind ports.' }],
  patterns: [{ group: ['electron-store'], message: 'electron-store is wrapped by src/main/electron/settings-store.ts.' }]
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'e2e/zz-*.spec.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      'no-restricted-imports': ['error', electronOnlyAtTheEdge]
    }
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/main/index.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule is about the React Compiler, which the app does not use; TanStack Virtual trips it.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.omnivms.' }],
          patterns: [
            { group: ['**/main/**', 'node:*', 'zod'], message: 'The renderer may import only shared code and browser libraries.' }
          ]
        }
      ]
    }
  },
  {
    files: ['e2e/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }
  }
)
