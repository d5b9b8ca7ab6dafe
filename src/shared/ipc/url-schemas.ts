/** An https address without credentials (a custom platform, an update feed). */
import { z } from 'zod'

/** An https address with no user name or password in it (a custom platform, an update feed). */
export const HttpsUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'https:' && url.username === '' && url.password === ''
    } catch {
      return false
    }
  }, 'Enter an https:// address')
