/** The smoke test's steps that need Electron: the window and its page from app://, the CSP header, the bridge, the keychain backend. */
import { safeStorage, session, type BrowserWindow } from 'electron'
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../shared/csp'
import type { SmokeStep } from '../core/smoke/smoke-test'

function loaded(window: BrowserWindow): Promise<void> {
  if (!window.webContents.isLoading()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    window.webContents.once('did-finish-load', () => resolve())
    window.webContents.once('did-fail-load', (_event, code, description) => reject(new Error(`the page did not load: ${description} (${code})`)))
  })
}

export function electronSmokeSteps(currentWindow: () => BrowserWindow | null): SmokeStep[] {
  const window = () => {
    const found = currentWindow()
    if (!found || found.isDestroyed()) throw new Error('there is no window')
    return found
  }
  return [
    {
      name: 'the window created and its page loaded',
      run: async () => {
        await loaded(window())
        const [width, height] = window().getSize()
        return `window ${width}×${height}`
      }
    },
    {
      name: 'the renderer loaded from app://',
      run: async () => {
        const url = window().webContents.getURL()
        if (!url.startsWith(`${APP_ORIGIN}/`)) throw new Error(`the page came from ${url}`)
        return url
      }
    },
    {
      name: 'the CSP header',
      run: async () => {
        const response = await session.defaultSession.fetch(`${APP_ORIGIN}/index.html`)
        const csp = response.headers.get('content-security-policy')
        if (csp !== CONTENT_SECURITY_POLICY) throw new Error(`the page's CSP header was ${csp ?? 'missing'}`)
        return csp
      }
    },
    {
      name: 'the bridge is present, Node is not',
      run: async () => {
        const found: unknown = await window().webContents.executeJavaScript("({ bridge: typeof window.omnivms === 'object' && window.omnivms !== null, require: typeof window.require, process: typeof window.process })")
        const { bridge, require, process: nodeProcess } = (found ?? {}) as { bridge?: boolean; require?: string; process?: string }
        if (bridge !== true) throw new Error('window.omnivms is missing')
        if (require !== 'undefined' || nodeProcess !== 'undefined') throw new Error(`Node reaches the page (require: ${require}, process: ${nodeProcess})`)
        return 'window.omnivms present; no require or process in the page'
      }
    },
    {
      name: 'the keychain backend',
      run: async () => {
        const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi'
        if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error(`safeStorage is not available (backend ${backend})`)
        return backend
      }
    }
  ]
}
