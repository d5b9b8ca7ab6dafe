/**
 * omnivms:// links for an AppImage. The .deb installs a desktop entry that claims the scheme; an
 * AppImage has none unless a tool such as AppImageLauncher integrated it, so at start the app
 * writes its own entry (pointing at the AppImage file itself, never its temporary mount) and makes
 * it the scheme's handler — once, and again only when the AppImage has moved.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { posix } from 'node:path'

export const LINK_SCHEME_MIME = 'x-scheme-handler/omnivms'
export const APPIMAGE_DESKTOP_FILE = 'omnivms-desktop-appimage.desktop'

export interface AppImagePlace {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  home: string
}

export interface DesktopEntryFiles {
  /** The .desktop files in the user's applications folder, by name. */
  list(folder: string): Promise<string[]>
  read(path: string): Promise<string | null>
  write(path: string, text: string): Promise<void>
  /** Runs a command (xdg-mime); resolves when it ends. */
  run(command: string, args: string[]): Promise<void>
}

/** The user's applications folder (XDG), or null when this is not an AppImage on Linux. */
export function appImageEntryPlace(place: AppImagePlace): { appImage: string; folder: string } | null {
  const appImage = place.env.APPIMAGE
  if (place.platform !== 'linux' || !appImage || !posix.isAbsolute(appImage)) return null
  const dataHome = place.env.XDG_DATA_HOME && posix.isAbsolute(place.env.XDG_DATA_HOME) ? place.env.XDG_DATA_HOME : posix.join(place.home, '.local', 'share')
  return { appImage, folder: posix.join(dataHome, 'applications') }
}

/** Desktop-entry quoting of an Exec argument (the freedesktop spec's reserved characters escaped). */
function execArgument(path: string): string {
  return `"${path.replace(/(["`$\\])/g, '\\$1')}"`
}

export function appImageDesktopEntry(appImage: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=OmniValVMS Desktop',
    'Comment=Work your OmniValVMS appraisal orders',
    `Exec=${execArgument(appImage)} %U`,
    'Icon=omnivms-desktop',
    'Terminal=false',
    'Categories=Office;',
    `MimeType=${LINK_SCHEME_MIME};`,
    // Written by the app for its AppImage; a menu entry is the integration tool's to make.
    'NoDisplay=true',
    ''
  ].join('\n')
}

/** The program an Exec line starts: its first argument, quoted or not. */
function execProgram(exec: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(exec)
  return quoted ? (quoted[1] ?? '').replace(/\\(.)/g, '$1') : (exec.split(/\s+/)[0] ?? '')
}

/** An entry already claims the scheme for this very AppImage file. */
function claimsFor(entry: string, appImage: string): boolean {
  const handles = /^MimeType=.*x-scheme-handler\/omnivms;/m.test(entry)
  return handles && execProgram(/^Exec=(.*)$/m.exec(entry)?.[1]?.trim() ?? '') === appImage
}

export type Registration = 'not an AppImage' | 'already registered' | 'registered'

export async function registerAppImageLinks(place: AppImagePlace, files: DesktopEntryFiles): Promise<Registration> {
  const where = appImageEntryPlace(place)
  if (!where) return 'not an AppImage'
  for (const name of (await files.list(where.folder).catch(() => [])).filter((n) => n.endsWith('.desktop'))) {
    const entry = await files.read(posix.join(where.folder, name))
    if (entry && claimsFor(entry, where.appImage)) return 'already registered'
  }
  await files.write(posix.join(where.folder, APPIMAGE_DESKTOP_FILE), appImageDesktopEntry(where.appImage))
  await files.run('xdg-mime', ['default', APPIMAGE_DESKTOP_FILE, LINK_SCHEME_MIME])
  return 'registered'
}

/** The real files and xdg-mime (which a desktop without it lacks: then the entry is there for the next one). */
export const desktopEntryFilesOnDisk: DesktopEntryFiles = {
  list: (folder) => readdir(folder),
  read: (path) => readFile(path, 'utf8').catch(() => null),
  async write(path, text) {
    await mkdir(posix.dirname(path), { recursive: true })
    await writeFile(path, text, { mode: 0o644 })
  },
  run: (command, args) =>
    new Promise((resolve, reject) => {
      execFile(command, args, { timeout: 5_000 }, (error) => (error ? reject(error) : resolve()))
    })
}
