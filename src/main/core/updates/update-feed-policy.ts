/**
 * Where updates come from, and which releases may install. An organisation's own feed comes from a
 * policy file an administrator places machine-wide or beside the app — never from the window; else
 * the feed built into the installer. Every feed is https. A release installs only if it is newer
 * than this version, and a prerelease only on the beta channel.
 */
import { posix, win32, type PlatformPath } from 'node:path'
import semver from 'semver'
import { z } from 'zod'
import { HttpsUrlSchema } from '../../../shared/ipc/url-schemas'
import type { UpdateFeedSource } from '../../../shared/ipc/app-schemas'

export const POLICY_FILE_NAME = 'omnivms-policy.json'

const PolicyFileSchema = z.object({ updateFeedUrl: HttpsUrlSchema })

/** The OS's own path rules, whatever OS this runs on (so each is tested everywhere). */
export const pathFor = (platform: NodeJS.Platform): PlatformPath => (platform === 'win32' ? win32 : posix)

/**
 * The folder the installed app is in, where an administrator may place the policy file "beside the
 * app": the folder holding the .app bundle (macOS); the AppImage file's own folder, not its
 * temporary mount (an AppImage, which sets APPIMAGE); else the executable's folder.
 */
export function appFolderOf(platform: NodeJS.Platform, where: { execPath: string; appImage?: string | undefined }): string {
  const path = pathFor(platform)
  if (platform === 'darwin') return path.resolve(where.execPath, '../../../..')
  if (platform === 'linux' && where.appImage) return path.dirname(where.appImage)
  return path.dirname(where.execPath)
}

/** Where an administrator may place the policy file, the machine-wide place first (a per-user install's folder is the user's to write). */
export function policyFileLocations(platform: NodeJS.Platform, places: { appFolder: string; programData?: string | undefined }): string[] {
  const path = pathFor(platform)
  const machineWide =
    platform === 'win32'
      ? path.join(places.programData ?? 'C:\\ProgramData', 'OmniValVMS', POLICY_FILE_NAME)
      : platform === 'darwin'
        ? path.join('/Library/Application Support/OmniValVMS', POLICY_FILE_NAME)
        : path.join('/etc/omnivms', POLICY_FILE_NAME)
  return [machineWide, path.join(places.appFolder, POLICY_FILE_NAME)]
}

/** The policy file's places for the running app, from what the process knows of itself (its path, APPIMAGE, ProgramData). */
export function policyFilesOfApp(platform: NodeJS.Platform, proc: { execPath: string; env: Record<string, string | undefined> }): string[] {
  return policyFileLocations(platform, { appFolder: appFolderOf(platform, { execPath: proc.execPath, appImage: proc.env.APPIMAGE }), programData: proc.env.ProgramData })
}

/** The update feed built into a packaged app (electron-builder's extraMetadata in its package.json), if any. */
export function builtInFeedOf(packageJson: string | null): string | null {
  try {
    const pkg = JSON.parse(packageJson ?? 'null') as { omnivmsUpdateFeedUrl?: unknown } | null
    return typeof pkg?.omnivmsUpdateFeedUrl === 'string' ? pkg.omnivmsUpdateFeedUrl : null
  } catch {
    return null
  }
}

export type FeedPolicy = { url: string; file: string } | { url: null; problem: string | null }

/** The first policy file found; one that can't be used turns updates off and says why (not a silent fall-back). */
export async function readFeedPolicy(locations: readonly string[], readText: (path: string) => Promise<string | null>): Promise<FeedPolicy> {
  for (const file of locations) {
    const text = await readText(file)
    if (text === null) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return { url: null, problem: `The update policy file ${file} is not valid JSON, so updates are off. Ask your administrator.` }
    }
    const policy = PolicyFileSchema.safeParse(parsed)
    if (!policy.success) return { url: null, problem: `The update policy file ${file} needs "updateFeedUrl" with an https:// address, so updates are off. Ask your administrator.` }
    return { url: policy.data.updateFeedUrl, file }
  }
  return { url: null, problem: null }
}

export interface FeedInForce {
  url: string | null
  source: UpdateFeedSource | null
  /** Why there is no feed, when there isn't. */
  problem: string | null
}

/** The policy's feed, else the installer's; an installer feed that is not https is not used. */
export function feedInForce(policy: FeedPolicy, builtIn: string | null): FeedInForce {
  if (policy.url !== null) return { url: policy.url, source: 'policy', problem: null }
  if (policy.problem !== null) return { url: null, source: null, problem: policy.problem }
  if (builtIn === null) return { url: null, source: null, problem: 'No update feed is configured.' }
  if (!HttpsUrlSchema.safeParse(builtIn).success) return { url: null, source: null, problem: 'The update feed built into this installer is not https, so updates are off.' }
  return { url: builtIn, source: 'installer', problem: null }
}

/** Whether a release the feed offers may install: newer than this version (no downgrade), and a prerelease only on beta. */
export function isAcceptableRelease(offered: string, current: string, channel: 'stable' | 'beta'): boolean {
  const next = semver.valid(offered)
  const now = semver.valid(current)
  if (next === null || now === null) return false
  if (!semver.gt(next, now)) return false
  return channel === 'beta' || semver.prerelease(next) === null
}
