/** The types of what the window is given: window.omnivms, the bridge. */
import type { OmniVmsApi } from '../../shared/ipc/bridge'

declare global {
  interface Window {
    /** The typed bridge from the preload script: the renderer's only way to the main process. */
    readonly omnivms: OmniVmsApi
  }
}
