import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload can only be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // PROFILE_BUILD=1 keeps names readable in a CPU profile (bench/inbox.ts CPU_PROFILE); releases are minified.
      minify: process.env.PROFILE_BUILD !== '1',
      rollupOptions: { input: { index: resolve('src/renderer/index.html'), crashed: resolve('src/renderer/crashed.html') } }
    },
    plugins: [react()]
  }
})
