import { defineConfig } from 'vitest/config'

/** `npm run test:adversarial`: the suite that attacks the app, ending with its one-line summary. */
export default defineConfig({
  test: {
    include: ['test/adversarial/**/*.test.ts'],
    globalSetup: ['test/adversarial/summary.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    server: { deps: { inline: ['electron-store'] } }
  }
})
