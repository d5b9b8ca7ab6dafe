import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/** The dev server only: the page's CSP meta tag would block React's inline refresh preamble. */
const dropCspMetaInDev: Plugin = {
  name: 'omnivms-drop-csp-meta-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/main/index.ts') },
        // The bundle drops comments, so the findings accepted line by line in src/ (each with its
        // reason, checked there by lint:security) are named once for the built file.
        output: { banner: '/* eng-disable PRELOAD_JS_CHECK OPEN_EXTERNAL_JS_CHECK PROTOCOL_HANDLER_JS_CHECK */' }
      }
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
    plugins: [react(), dropCspMetaInDev]
  }
})
