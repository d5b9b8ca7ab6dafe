import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { POLICY_FILE_NAME, feedInForce, policyFileLocations, readFeedPolicy } from '../../src/main/core/updates/update-feed-policy'
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
  it("names each OS's machine-wide place first, then the folder beside the app", () => {
    expect(policyFileLocations('win32', { appFolder: 'C:\\Users\\a\\AppData\\Local\\Programs\\omnivms', programData: 'C:\\ProgramData' })[0]).toContain('OmniValVMS')
    expect(policyFileLocations('darwin', { appFolder: '/Applications' })).toEqual(['/Library/Application Support/OmniValVMS/omnivms-policy.json', '/Applications/omnivms-policy.json'])
    expect(policyFileLocations('linux', { appFolder: '/opt/OmniValVMS Desktop' })).toEqual(['/etc/omnivms/omnivms-policy.json', '/opt/OmniValVMS Desktop/omnivms-policy.json'])
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
