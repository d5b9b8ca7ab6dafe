import { describe, expect, it } from 'vitest'
import { createIpcDispatcher, type IpcHandlers } from '../../src/main/core/ipc/dispatcher'
import { createSenderPolicy } from '../../src/main/core/ipc/sender-policy'
import { createLogger } from '../../src/main/core/logger'
import { AppError } from '../../src/main/core/errors'
import { callChannel } from '../../src/shared/ipc/contract'

const signedOut = { status: 'signedOut', reason: null, message: null, lastEmail: null, lastEnvironment: null } as const
const trusted = { url: 'app://omnivms/index.html', isMainFrame: true }

function dispatcherWith(overrides: Partial<IpcHandlers>, logs: string[] = []) {
  const calls: unknown[] = []
  const handlers = new Proxy({} as IpcHandlers, {
    get: (_target, name: string) =>
      overrides[name as keyof IpcHandlers] ??
      (async (input: unknown) => {
        calls.push({ name, input })
        return name === 'signIn' ? signedOut : null
      })
  })
  const dispatch = createIpcDispatcher(handlers, {
    isTrustedSender: createSenderPolicy(['app://omnivms']),
    logger: createLogger((_l, line) => logs.push(line))
  })
  return { dispatch, calls }
}

describe('IPC dispatcher', () => {
  it('refuses calls from another origin or a subframe, without running the handler', async () => {
    const { dispatch, calls } = dispatcherWith({})
    for (const sender of [
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: 'app://omnivms/index.html', isMainFrame: false },
      { url: 'file:///etc/passwd', isMainFrame: true },
      { url: 'not a url', isMainFrame: true }
    ]) {
      expect(await dispatch(callChannel('signOut'), sender, undefined)).toEqual({
        ok: false,
        error: { code: 'forbidden_sender', message: 'This request did not come from the app window.' }
      })
    }
    expect(calls).toEqual([])
  })

  it('refuses unknown channels and invalid input with a clear message', async () => {
    const { dispatch, calls } = dispatcherWith({})
    expect(await dispatch('omnivms:call:runShell', trusted, 'rm -rf /')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const customHttp = await dispatch(callChannel('signIn'), trusted, {
      environment: { kind: 'custom', url: 'http://api.example.com' },
      email: 'a@b.c',
      password: 'x',
      keepSignedIn: true
    })
    expect(customHttp).toEqual({ ok: false, error: { code: 'invalid_input', message: 'environment.url: Enter an https:// address' } })
    expect(await dispatch(callChannel('getOrder'), trusted, { clientId: '', loanId: 'l', orderId: 'o' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    expect(await dispatch(callChannel('getOrder'), trusted, 'ord-1')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(calls).toEqual([])
  })

  it('passes valid input to the handler and wraps the result', async () => {
    const { dispatch, calls } = dispatcherWith({})
    const input = { environment: { kind: 'sandbox' }, email: 'a@b.c', password: 'pw', keepSignedIn: false }
    expect(await dispatch(callChannel('signIn'), trusted, input)).toEqual({ ok: true, value: signedOut })
    expect(calls).toEqual([{ name: 'signIn', input }])
  })

  it('strips fields the contract does not declare, so a secret cannot slip through', async () => {
    const { dispatch } = dispatcherWith({
      getSessionState: async () => ({ ...signedOut, accessToken: 'at_secret_value_123456' }) as typeof signedOut
    })
    const result = await dispatch(callChannel('getSessionState'), trusted, undefined)
    expect(result).toEqual({ ok: true, value: signedOut })
    expect(JSON.stringify(result)).not.toContain('at_secret')
  })

  it('answers unexpected errors with a generic message and no stack; AppErrors keep their code', async () => {
    const logs: string[] = []
    const { dispatch } = dispatcherWith(
      {
        listOrders: async () => {
          throw new TypeError('Cannot read properties of undefined (reading token) at /src/main/secret.ts:12')
        },
        signOut: async () => {
          throw new AppError('offline', 'Offline.')
        }
      },
      logs
    )
    expect(await dispatch(callChannel('listOrders'), trusted, undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong in the app. Try again.' }
    })
    expect(await dispatch(callChannel('signOut'), trusted, undefined)).toEqual({ ok: false, error: { code: 'offline', message: 'Offline.' } })
    expect(logs.join('\n')).toContain('handler failed')
  })
})
