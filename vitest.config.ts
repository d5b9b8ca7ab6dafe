import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
    // The adversarial suite has its own command (npm run test:adversarial) and summary.
    exclude: ['test/adversarial/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    server: { deps: { inline: ['electron-store'] } }
  }
})
