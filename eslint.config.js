/** Lint: the TypeScript rules, and the project's own — no status switched on by number, and the layers' import boundaries. */
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import omnivms from './eslint/core-layers.js'

// ── Nothing switches on numbers: status codes are compared only inside src/shared/workflow/ ──
const STATUS_NAMES = '/^(status|statusCode|previousStatus|previousStatusCode|statusBeforeHold|heldFrom|code|from|to)$/'
const statusSide = (side) => `[${side}.property.name=${STATUS_NAMES}], [${side}.name=${STATUS_NAMES}]`
/** A literal that is an order status code (1–20; HTTP statuses are three digits). */
const STATUS_CODE = 'Literal[raw=/^([1-9]|1[0-9]|20)$/]'
const STATUS_MEMBER = 'MemberExpression[object.name=/^(S|ORDER_STATUS)$/]'
const USE_THE_TABLE = 'Ask the workflow module (src/shared/workflow): a named set, a predicate or the action table — never a status code.'
const noStatusSwitching = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/]:matches(${statusSide('left')}) > ${STATUS_CODE}.right`, message: `A status number compared. ${USE_THE_TABLE}` },
  { selector: `BinaryExpression[operator=/^[!=]==?$/]:matches(${statusSide('right')}) > ${STATUS_CODE}.left`, message: `A status number compared. ${USE_THE_TABLE}` },
  { selector: `SwitchStatement:matches(${statusSide('discriminant')}) > SwitchCase > ${STATUS_CODE}.test`, message: `A switch on status numbers. ${USE_THE_TABLE}` },
  { selector: `CallExpression[callee.property.name='includes'] > ${STATUS_CODE}`, message: `A status number looked up. ${USE_THE_TABLE}` },
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > ${STATUS_MEMBER}`, message: `A status compared by its code's name. ${USE_THE_TABLE}` },
  { selector: `SwitchCase > ${STATUS_MEMBER}.test`, message: `A switch on status codes. ${USE_THE_TABLE}` }
]

// ── The layers: who may import whom ──
const ELECTRON = { name: 'electron', message: 'Only src/main/electron, src/main/index.ts and src/preload may import electron: keep logic behind ports.' }
const layer = (message, ...groups) => groups.map((group) => ({ group, message }))
const boundaries = {
  core: {
    paths: [ELECTRON],
    patterns: [
      ...layer('The core (src/main/core) uses shared code and the platform contract only: never electron, the sandbox, the window or the preload.', ['**/sandbox/**'], ['**/main/electron/**'], ['**/renderer/**'], ['**/preload/**']),
      { group: ['electron-store'], message: 'electron-store is wrapped by src/main/electron/settings-store.ts.' }
    ]
  },
  sandbox: { paths: [ELECTRON], patterns: layer('The sandbox (src/sandbox) uses shared code and the platform contract only: never main, the window or the preload.', ['**/main/**'], ['**/renderer/**'], ['**/preload/**']) },
  platform: { paths: [ELECTRON], patterns: layer('The platform contract (src/platform) uses shared code only.', ['**/main/**'], ['**/sandbox/**'], ['**/renderer/**'], ['**/preload/**']) },
  shared: {
    paths: [ELECTRON],
    patterns: layer('Shared code (src/shared) imports nothing of ours from outside it.', ['**/main/**'], ['**/sandbox/**'], ['**/platform/**'], ['**/renderer/**'], ['**/preload/**'])
  },
  preload: { patterns: layer('The preload uses shared code only (the bridge is built from the one contract).', ['**/main/**'], ['**/sandbox/**'], ['**/platform/**'], ['**/renderer/**']) },
  renderer: {
    paths: [{ name: 'electron', message: 'The renderer talks to main only through window.omnivms.' }],
    patterns: [
      ...layer('The renderer may import only shared code and browser libraries.', ['**/main/**'], ['**/sandbox/**'], ['**/platform/**'], ['**/preload/**'], ['node:*'], ['zod']),
      { group: ['**/shared/order-workflow', '**/shared/workflow/*'], importNames: ['ORDER_STATUS', 'STATUS_SETS', 'inSet'], message: `The renderer does not test statuses. ${USE_THE_TABLE}` }
    ]
  }
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
      'no-console': 'off'
    }
  },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/shared/workflow/**'], rules: { 'no-restricted-syntax': ['error', ...noStatusSwitching] } },
  { files: ['src/main/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.core] } },
  // Inside the core, one way down: session above what it builds, primitives and ports at the ground.
  { files: ['src/main/core/**/*.ts'], plugins: { omnivms }, rules: { 'omnivms/core-layers': 'error' } },
  { files: ['src/sandbox/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.sandbox] } },
  { files: ['src/platform/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.platform] } },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.shared] } },
  { files: ['src/preload/**/*.ts'], rules: { 'no-restricted-imports': ['error', boundaries.preload] } },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // This rule is about the React Compiler, which the app does not use; TanStack Virtual trips it.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', boundaries.renderer],
      'no-restricted-syntax': [
        'error',
        ...noStatusSwitching,
        { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]", message: 'Dates and times are written by src/renderer/src/lib/format.ts, the one formatter.' }
      ]
    }
  },
  {
    files: ['e2e/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }
  }
)
