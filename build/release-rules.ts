/**
 * What a release build must have before electron-builder runs: an update feed only over https, and
 * a Windows publisher name whenever Windows builds are signed — electron-updater checks an update's
 * signature against that name, so a signed build without it would install updates unverified.
 */
import { HttpsUrlSchema } from '../src/shared/ipc/url-schemas'

/**
 * The publish URL of a build with no feed built in. It must be there for electron-builder to pack
 * app-update.yml (and its Windows publisherName); `.invalid` never resolves, so nothing reads it.
 */
export const NO_FEED_URL = 'https://updates.invalid/omnivms-desktop'

export interface ReleaseSettings {
  updateFeedUrl: string | null
  windowsPublisher: string | null
}

export function releaseSettings(env: Readonly<Record<string, string | undefined>>): ReleaseSettings {
  const updateFeedUrl = env.OMNIVMS_UPDATE_FEED_URL?.trim() || null
  // The same rule the app applies to the feed it is given (HttpsUrlSchema).
  if (updateFeedUrl !== null && !HttpsUrlSchema.safeParse(updateFeedUrl).success) {
    throw new Error(`OMNIVMS_UPDATE_FEED_URL must be an https:// address without credentials (got "${updateFeedUrl}")`)
  }
  const windowsPublisher = env.OMNIVMS_WIN_PUBLISHER?.trim() || null
  const signsWindows = Boolean(env.WIN_CSC_LINK?.trim())
  if (signsWindows && windowsPublisher === null) throw new Error('WIN_CSC_LINK is set but OMNIVMS_WIN_PUBLISHER is not: name the certificate subject so updates verify the signature')
  return { updateFeedUrl, windowsPublisher }
}
