import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses'

/**
 * Every Electron fuse, set explicitly. `Record<FuseV1Options, boolean>` makes a fuse that a newer
 * @electron/fuses adds a compile error until it is decided here; flipping with
 * `strictlyRequireAllFuses` makes a fuse the Electron binary has and this list lacks a build error.
 */
export const FUSES: Record<FuseV1Options, boolean> = {
  // No ELECTRON_RUN_AS_NODE: the app binary cannot be used as a plain Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (and the session's other disk data) encrypted with the OS keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS cannot inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // No --inspect: nobody can attach a debugger to a packaged app (Playwright tests the unpackaged build).
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at build time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose resources/app folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// gets no more privileges than a web page; the app is served from app://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // V8's WebAssembly trap handlers stay on (Electron's default): off only costs performance.
  [FuseV1Options.WasmTrapHandlers]: true
}

/** Flips the fuses of the packaged Electron binary; fails if the binary has a fuse this list lacks. */
export async function flipAllFuses(electronBinary: string, options: { resetAdHocDarwinSignature: boolean }): Promise<void> {
  await flipFuses(electronBinary, {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: options.resetAdHocDarwinSignature,
    ...FUSES
  })
}
