/** The IPC shapes of the session: environments, users, sign-in, state, storage protection. */
import { z } from 'zod'
import { HttpsUrlSchema } from './url-schemas'

export const EnvironmentKindSchema = z.enum(['sandbox', 'production', 'custom'])
export type EnvironmentKind = z.infer<typeof EnvironmentKindSchema>

/** What the user picks on the sign-in screen. A custom URL must be https. */
export const EnvironmentChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sandbox') }),
  z.object({ kind: z.literal('production') }),
  z.object({ kind: z.literal('custom'), url: HttpsUrlSchema })
])
export type EnvironmentChoice = z.infer<typeof EnvironmentChoiceSchema>

export const EnvironmentInfoSchema = z.object({
  kind: EnvironmentKindSchema,
  label: z.string(),
  url: z.string()
})
export type EnvironmentInfo = z.infer<typeof EnvironmentInfoSchema>

/** The platform role names (docs: Roles & permissions); this app is for 'Vendor' accounts. */
export const VENDOR_ROLE = 'Vendor'
export const UserSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string().default(VENDOR_ROLE) })
export type User = z.infer<typeof UserSchema>

/**
 * How the session is kept between launches:
 * encrypted — by the OS keychain; weak — on disk with a backend that is not real encryption
 * (Linux basic_text), chosen by the user; memory — only while the app runs.
 */
export const PersistenceSchema = z.enum(['encrypted', 'weak', 'memory'])
export type Persistence = z.infer<typeof PersistenceSchema>

/** 'slowed': the platform answered 429 ("too many requests"); the app waits and retries at `retryAt`. */
export const ConnectivitySchema = z.enum(['online', 'offline', 'slowed'])

export const SignedOutReasonSchema = z.enum([
  'session_ended',
  'password_changed',
  'vault_unreadable',
  'vault_corrupt'
])
export type SignedOutReason = z.infer<typeof SignedOutReasonSchema>

export const SessionStateSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('signedOut'),
    reason: SignedOutReasonSchema.nullable(),
    message: z.string().nullable(),
    lastEmail: z.string().nullable(),
    lastEnvironment: EnvironmentChoiceSchema.nullable()
  }),
  z.object({
    status: z.literal('signedIn'),
    user: UserSchema,
    environment: EnvironmentInfoSchema,
    persistence: PersistenceSchema,
    connectivity: ConnectivitySchema,
    retryAt: z.string().nullable(),
    /** Where this session's personal data (the offline copy of orders, drafts) is kept: encrypted on disk, or in memory only. */
    personalData: z.enum(['disk', 'memory']),
    /** Something the user should know about this session, e.g. it fell back to memory only. */
    notice: z.string().nullable()
  })
])
export type SessionState = z.infer<typeof SessionStateSchema>

export const StorageProtectionSchema = z.object({
  /** The backend the OS offers (e.g. keychain, dpapi, gnome_libsecret, kwallet6, basic_text). */
  backend: z.string(),
  level: z.enum(['encrypted', 'weak', 'unavailable']),
  /** The user's answer for the sign-in when only weak storage is available; null until asked. */
  weakStorageChoice: z.enum(['memory', 'weak']).nullable(),
  /** The user's answer for the offline copy of orders (borrower data) when only weak storage is available. */
  weakOfflineCopyChoice: z.enum(['memory', 'weak']).nullable()
})
export type StorageProtection = z.infer<typeof StorageProtectionSchema>

const email = z.string().trim().min(3).max(320)

export const SignInInputSchema = z.object({
  environment: EnvironmentChoiceSchema,
  email,
  password: z.string().min(1).max(1024),
  keepSignedIn: z.boolean()
})
export type SignInInput = z.infer<typeof SignInInputSchema>

export const PasswordResetRequestInputSchema = z.object({
  environment: EnvironmentChoiceSchema,
  email
})

export const PasswordResetInputSchema = z.object({
  environment: EnvironmentChoiceSchema,
  email,
  code: z.string().trim().min(4).max(64),
  newPassword: z.string().min(8, 'Use at least 8 characters').max(1024)
})
