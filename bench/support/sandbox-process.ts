/** The sandbox in a process of its own (`npm run sandbox`), so what a bench measures in this process is the app's share alone. */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

export interface SandboxProcess {
  url: string
  pid: number
  close(): Promise<void>
}

export async function startSandboxProcess(options: { orders: number; accessTtlSeconds?: number }): Promise<SandboxProcess> {
  const root = resolve(import.meta.dirname, '..', '..')
  const args = ['--import', 'tsx', resolve(root, 'src/sandbox/cli.ts'), '--port', '0', '--orders', String(options.orders), '--access-ttl', String(options.accessTtlSeconds ?? 3600)]
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((done, fail) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (found?.[1]) done(found[1])
    })
    child.once('exit', (code) => fail(new Error(`the sandbox process ended (${code}) before it listened`)))
  })
  return {
    url,
    pid: child.pid ?? -1,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
  }
}
