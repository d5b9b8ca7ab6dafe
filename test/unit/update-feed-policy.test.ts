import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { POLICY_FILE_NAME, appFolderOf, feedInForce, policyFileLocations, readFeedPolicy } from '../../src/main/core/updates/update-feed-policy'
import { tempProfile } from '../support/test-core'

/** Where updates come from: an administrator's policy file, else the installer's feed — always https. */
let profile: ReturnType<typeof tempProfile> | null = null
afterEach(() => {
  profile?.remove()
  profile = null
})

const readText = async (path: string) => {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}

function places() {
  const dir = tempProfile()
  profile = dir
  const machine = join(dir.dir, 'machine')
  const besideApp = join(dir.dir, 'app')
  mkdirSync(machine)
  mkdirSync(besideApp)
  return { machine, besideApp, locations: [join(machine, POLICY_FILE_NAME), join(besideApp, POLICY_FILE_NAME)] }
}

describe('the update feed policy', () => {
  it("names each OS's machine-wide place first, then the folder beside the app, in that OS's own path form", () => {
    expect(policyFileLocations('win32', { appFolder: 'C:\\Users\\a\\AppData\\Local\\Programs\\omnivms-desktop', programData: 'D:\\ProgramData' })).toEqual([
      'D:\\ProgramData\\OmniValVMS\\omnivms-policy.json',
      'C:\\Users\\a\\AppData\\Local\\Programs\\omnivms-desktop\\omnivms-policy.json'
    ])
    expect(policyFileLocations('win32', { appFolder: 'C:\\Apps' })[0]).toBe('C:\\ProgramData\\OmniValVMS\\omnivms-policy.json')
    expect(policyFileLocations('darwin', { appFolder: '/Applications' })).toEqual(['/Library/Application Support/OmniValVMS/omnivms-policy.json', '/Applications/omnivms-policy.json'])
    expect(policyFileLocations('linux', { appFolder: '/opt/OmniValVMS Desktop' })).toEqual(['/etc/omnivms/omnivms-policy.json', '/opt/OmniValVMS Desktop/omnivms-policy.json'])
  })

  it('looks beside the installed app: the .app bundle on macOS, the AppImage file itself (not its mount), the executable elsewhere', () => {
    expect(appFolderOf('win32', { execPath: 'C:\\Users\\a\\AppData\\Local\\Programs\\omnivms-desktop\\OmniValVMS Desktop.exe' })).toBe('C:\\Users\\a\\AppData\\Local\\Programs\\omnivms-desktop')
    expect(appFolderOf('darwin', { execPath: '/Applications/OmniValVMS Desktop.app/Contents/MacOS/OmniValVMS Desktop' })).toBe('/Applications')
    expect(appFolderOf('linux', { execPath: '/tmp/.mount_OmniVaXyZ12/omnivms-desktop', appImage: '/home/a/Apps/OmniValVMS Desktop-0.1.0.AppImage' })).toBe('/home/a/Apps')
    expect(appFolderOf('linux', { execPath: '/opt/OmniValVMS Desktop/omnivms-desktop' })).toBe('/opt/OmniValVMS Desktop')
    // APPIMAGE means something only on Linux.
    expect(appFolderOf('win32', { execPath: 'C:\\App\\x.exe', appImage: '/elsewhere/x.AppImage' })).toBe('C:\\App')
  })

  it("uses the organisation's https feed over the installer's, the machine-wide file over the one beside the app", async () => {
    const { machine, besideApp, locations } = places()
    writeFileSync(join(besideApp, POLICY_FILE_NAME), JSON.stringify({ updateFeedUrl: 'https://beside.example.com/desktop' }))
    expect(feedInForce(await readFeedPolicy(locations, readText), 'https://updates.omnivms.com/desktop')).toEqual({ url: 'https://beside.example.com/desktop', source: 'policy', problem: null })
    writeFileSync(join(machine, POLICY_FILE_NAME), JSON.stringify({ updateFeedUrl: 'https://it.example.com/omnivms' }))
    expect(feedInForce(await readFeedPolicy(locations, readText), 'https://updates.omnivms.com/desktop')).toMatchObject({ url: 'https://it.example.com/omnivms', source: 'policy' })
  })

  it('turns updates off, saying why, for a policy file that is not JSON or names a feed that is not https', async () => {
    const { machine, locations } = places()
    writeFileSync(join(machine, POLICY_FILE_NAME), '{ not json')
    expect(feedInForce(await readFeedPolicy(locations, readText), 'https://updates.omnivms.com/desktop')).toMatchObject({ url: null, problem: expect.stringMatching(/not valid JSON, so updates are off/) })
    writeFileSync(join(machine, POLICY_FILE_NAME), JSON.stringify({ updateFeedUrl: 'http://it.example.com/omnivms' }))
    expect(feedInForce(await readFeedPolicy(locations, readText), 'https://updates.omnivms.com/desktop')).toMatchObject({ url: null, problem: expect.stringMatching(/https:\/\/ address, so updates are off/) })
  })

  it("uses the installer's feed when there is no policy file, only if it is https", async () => {
    const { locations } = places()
    const none = await readFeedPolicy(locations, readText)
    expect(feedInForce(none, 'https://updates.omnivms.com/desktop')).toEqual({ url: 'https://updates.omnivms.com/desktop', source: 'installer', problem: null })
    expect(feedInForce(none, 'http://updates.omnivms.com/desktop')).toMatchObject({ url: null, problem: expect.stringMatching(/not https/) })
    expect(feedInForce(none, null)).toMatchObject({ url: null, problem: 'No update feed is configured.' })
  })
})
