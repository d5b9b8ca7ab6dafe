import { startSandboxServer, type RunningSandbox } from '../../src/sandbox/server'

type RestartOptions = Omit<NonNullable<Parameters<typeof startSandboxServer>[0]>, 'port' | 'initialData'>

/**
 * The platform goes away — connections to its address are refused, as with a lost network — and
 * `back()` starts it again on the same address with the same data.
 */
export async function takeDown(running: RunningSandbox, options: RestartOptions = {}): Promise<{ back(): Promise<RunningSandbox> }> {
  const port = Number(new URL(running.url).port)
  const data = running.sandbox.data
  await running.close()
  return { back: () => startSandboxServer({ ...options, port, initialData: data }) }
}
