import { describe, expect, it } from 'vitest'
import { APPIMAGE_DESKTOP_FILE, LINK_SCHEME_MIME, appImageEntryPlace, registerAppImageLinks, type DesktopEntryFiles } from '../../src/main/core/links/appimage-registration'

/** A user's applications folder in memory, and the commands run. */
function desktop(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial))
  const ran: string[][] = []
  const port: DesktopEntryFiles = {
    list: async (folder) => [...files.keys()].filter((p) => p.startsWith(`${folder}/`)).map((p) => p.slice(folder.length + 1)),
    read: async (path) => files.get(path) ?? null,
    write: async (path, text) => void files.set(path, text),
    run: async (command, args) => void ran.push([command, ...args])
  }
  return { files, ran, port }
}
const APPIMAGE = '/home/ann/Apps/OmniValVMS Desktop-0.1.0.AppImage'
const place = { platform: 'linux' as const, env: { APPIMAGE }, home: '/home/ann' }

describe('omnivms:// links for an AppImage', () => {
  it('writes a desktop entry for the AppImage file itself and makes it the handler, once', async () => {
    const d = desktop()
    expect(await registerAppImageLinks(place, d.port)).toBe('registered')
    const entry = d.files.get(`/home/ann/.local/share/applications/${APPIMAGE_DESKTOP_FILE}`) ?? ''
    expect(entry).toContain('Exec="/home/ann/Apps/OmniValVMS Desktop-0.1.0.AppImage" %U')
    expect(entry).toContain(`MimeType=${LINK_SCHEME_MIME};`)
    expect(d.ran).toEqual([['xdg-mime', 'default', APPIMAGE_DESKTOP_FILE, LINK_SCHEME_MIME]])
    expect(await registerAppImageLinks(place, d.port)).toBe('already registered')
    expect(d.ran).toHaveLength(1)
  })

  it('registers again when the AppImage has moved, and leaves an integration tool’s entry for this file alone', async () => {
    const d = desktop()
    await registerAppImageLinks(place, d.port)
    expect(await registerAppImageLinks({ ...place, env: { APPIMAGE: '/opt/apps/omnivms.AppImage' } }, d.port)).toBe('registered')
    expect(d.files.get(`/home/ann/.local/share/applications/${APPIMAGE_DESKTOP_FILE}`)).toContain('Exec="/opt/apps/omnivms.AppImage" %U')
    const integrated = desktop({ '/data/applications/appimagekit_1f2e-omnivms.desktop': `[Desktop Entry]\nExec="${APPIMAGE}" %U\nMimeType=x-scheme-handler/omnivms;\n` })
    expect(await registerAppImageLinks({ ...place, env: { APPIMAGE, XDG_DATA_HOME: '/data' } }, integrated.port)).toBe('already registered')
    expect(integrated.ran).toEqual([])
  })

  it('quotes the path as a desktop entry must', async () => {
    const d = desktop()
    await registerAppImageLinks({ ...place, env: { APPIMAGE: '/home/ann/$HOME "odd" `x`.AppImage' } }, d.port)
    expect(d.files.get(`/home/ann/.local/share/applications/${APPIMAGE_DESKTOP_FILE}`)).toContain('Exec="/home/ann/\\$HOME \\"odd\\" \\`x\\`.AppImage" %U')
  })

  it('does nothing outside an AppImage: the .deb, Windows and macOS register through their installers', async () => {
    for (const other of [{ ...place, env: {} }, { ...place, platform: 'win32' as const }, { ...place, platform: 'darwin' as const }, { ...place, env: { APPIMAGE: 'relative.AppImage' } }]) {
      const d = desktop()
      expect(appImageEntryPlace(other)).toBeNull()
      expect(await registerAppImageLinks(other, d.port)).toBe('not an AppImage')
      expect(d.files.size + d.ran.length).toBe(0)
    }
  })
})
