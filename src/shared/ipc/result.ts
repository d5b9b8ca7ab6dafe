/** The envelope every IPC answer comes in, and the error codes the window may branch on. */
import { z } from 'zod'

/** Stable error codes the renderer may branch on. Messages are safe to show. */
export const ERROR_CODES = [
  'invalid_input',
  'forbidden_sender',
  'not_signed_in',
  'session_ended',
  'offline',
  'invalid_credentials',
  'invalid_reset_code',
  'not_found',
  'forbidden',
  'conflict',
  'validation',
  'rate_limited',
  'server_error',
  'bad_response',
  'storage_unavailable',
  'cancelled',
  'preflight_failed',
  'outcome_unknown',
  'busy',
  'proxy_auth_required',
  /** The platform refused it for good with an answer the app has no meaning for (an unusual 4xx). */
  'refused',
  'internal'
] as const

export const ErrorCodeSchema = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const AppErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() })
export type AppErrorShape = z.infer<typeof AppErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }
