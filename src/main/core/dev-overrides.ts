/** The OMNIVMS_* variables development and tests may set, read strictly (a packaged app ignores them). */
import { isAbsolute } from 'node:path'
import { z } from 'zod'

/** Loopback http(s) only: the sandbox a developer or a test runs. */
const loopbackUrl = z.string().refine((value) => {
  try {
    const url = new URL(value)
    return ['http:', 'https:'].includes(url.protocol) && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.pathname === '/'
  } catch {
    return false
  }
}, 'must be a loopback address such as http://127.0.0.1:4580')

const OverridesSchema = z.object({
  OMNIVMS_USER_DATA_DIR: z.string().refine(isAbsolute, 'must be an absolute folder path').optional(),
  OMNIVMS_SANDBOX_URL: loopbackUrl.optional(),
  OMNIVMS_MAX_UPLOAD_MB: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of megabytes, like 40')
    .transform(Number)
    .refine((mb) => mb > 0 && mb <= 4096, 'must be between 0 and 4096 MB')
    .optional()
})

export interface DevOverrides {
  userDataDir: string | null
  sandboxUrl: string | null
  maxUploadBytes: number | null
}

const NONE: DevOverrides = { userDataDir: null, sandboxUrl: null, maxUploadBytes: null }

/**
 * The OMNIVMS_* variables developers and tests use. A packaged app ignores them all (an installed
 * app is configured in Settings, never by its environment); a bad value stops start-up with a
 * message naming the variable, rather than quietly becoming NaN.
 */
export function readDevOverrides(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): { ok: true; value: DevOverrides } | { ok: false; message: string } {
  if (isPackaged) return { ok: true, value: NONE }
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('OMNIVMS_') && value !== undefined && value !== ''))
  const parsed = OverridesSchema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = String(issue?.path[0] ?? 'OMNIVMS_*')
    return { ok: false, message: `${name}=${JSON.stringify(present[name] ?? '')} ${issue?.message ?? 'is not valid'}.` }
  }
  const v = parsed.data
  return {
    ok: true,
    value: {
      userDataDir: v.OMNIVMS_USER_DATA_DIR ?? null,
      sandboxUrl: v.OMNIVMS_SANDBOX_URL ? new URL(v.OMNIVMS_SANDBOX_URL).origin : null,
      maxUploadBytes: v.OMNIVMS_MAX_UPLOAD_MB === undefined ? null : Math.round(v.OMNIVMS_MAX_UPLOAD_MB * 1024 * 1024)
    }
  }
}
