/** The ids that may go into a platform path: opaque, never a path of their own. */
import { z } from 'zod'

/**
 * An id that becomes a path segment of a platform URL. Refused: empty, "." and ".." (they
 * re-route a request), and any of / \ ? # % or control characters.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\?#%\u0000-\u001f\u007f]/

export const PathIdSchema = z
  .string()
  .min(1, 'An id is required')
  .max(128)
  .refine((value) => value !== '.' && value !== '..' && !FORBIDDEN.test(value), 'This id is not valid')
