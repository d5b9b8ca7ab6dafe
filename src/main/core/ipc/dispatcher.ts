/** Routes each IPC call to its handler after checking the sender and the input, and answers in an envelope. */
import type { z } from 'zod'
import { IPC_CALL_NAMES, callChannel, ipcCalls, type IpcCallName, type IpcCalls } from '../../../shared/ipc/contract'
import type { Result } from '../../../shared/ipc/result'
import { AppError, MESSAGES } from '../errors'
import type { Logger } from '../ports'
import { originOf, type SenderInfo } from './sender-policy'

/** One handler per contract call; the compiler demands every one. */
export type IpcHandlers = {
  [N in IpcCallName]: (input: z.output<IpcCalls[N]['input']>) => Promise<z.input<IpcCalls[N]['output']>>
}

export type IpcDispatch = (channel: string, sender: SenderInfo, payload: unknown) => Promise<Result<unknown>>

const fail = (code: AppError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } })

/**
 * Routes a call to its handler after checking the sender and the input, and validates the
 * output (which also strips any field the contract does not declare). Always answers with an
 * envelope; never throws, never returns a stack trace.
 */
export function createIpcDispatcher(
  handlers: IpcHandlers,
  options: { isTrustedSender: (sender: SenderInfo) => boolean; logger: Logger }
): IpcDispatch {
  const names = new Map<string, IpcCallName>(IPC_CALL_NAMES.map((name) => [callChannel(name), name]))
  return async (channel, sender, payload) => {
    const name = names.get(channel)
    if (!name) return fail('invalid_input', 'Unknown request.')
    if (!options.isTrustedSender(sender)) {
      options.logger.warn('refused IPC from an untrusted sender', { call: name, origin: originOf(sender.url), mainFrame: sender.isMainFrame })
      return fail('forbidden_sender', 'This request did not come from the app window.')
    }
    const spec = ipcCalls[name]
    const input = spec.input.safeParse(payload)
    if (!input.success) {
      const issue = input.error.issues[0]
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
      return fail('invalid_input', `${where}${issue?.message ?? 'Invalid input.'}`)
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>
      const value = await handler(input.data)
      const output = spec.output.safeParse(value)
      if (!output.success) {
        options.logger.error('handler returned a value outside the contract', { call: name })
        return fail('internal', MESSAGES.internal)
      }
      return { ok: true, value: output.data }
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message)
      options.logger.error('handler failed', { call: name, error: error instanceof Error ? error.name : 'unknown' })
      return fail('internal', MESSAGES.internal)
    }
  }
}
