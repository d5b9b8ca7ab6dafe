/** The control plane's faults (status, drop, delay, garbage, oversize, trickle, reset) and the request log. */
import type { Context, Next } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { z } from 'zod'
import type { Fault } from './model'
import type { Sandbox } from './sandbox'

type Env = { Bindings: HttpBindings }

export const FaultInputSchema = z.object({
  method: z.string().default('*'),
  path: z.string().min(1),
  count: z.number().int().min(1).max(10_000).default(1),
  mode: z.enum(['status', 'drop', 'delay', 'garbage', 'oversize', 'trickle', 'reset']).default('status'),
  status: z.number().int().min(400).max(599).default(500),
  delayMs: z.number().int().min(0).max(60_000).default(0),
  /** 'oversize': the size of the body answered. */
  bytes: z.number().int().min(1).max(1024 ** 3).default(50 * 1024 * 1024),
  /** 'oversize': say the size in content-length (true) or stream it without one. */
  declareLength: z.boolean().default(true),
  /** 'trickle': how fast the real answer is sent. */
  bytesPerSecond: z.number().int().min(1).max(100_000_000).default(100),
  /** 'status': sent as the Retry-After header, in seconds. */
  retryAfter: z.number().int().min(0).max(3600).nullable().default(null)
})

export function createFault(sandbox: Sandbox, input: z.infer<typeof FaultInputSchema>): Fault {
  return { id: `flt-${sandbox.faults.length + 1}-${Date.now()}`, ...input, method: input.method.toUpperCase(), pathPattern: input.path, remaining: input.count }
}

/** `*` matches within one path segment, `**` across segments. */
function globToRegExp(pattern: string): RegExp {
  const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  const body = pattern
    .split('**')
    .map((part) => part.split('*').map(escape).join('[^/]*'))
    .join('.*')
  return new RegExp(`^${body}$`)
}

function takeFault(sandbox: Sandbox, method: string, path: string): Fault | undefined {
  const fault = sandbox.faults.find((f) => f.remaining > 0 && (f.method === '*' || f.method === method) && globToRegExp(f.pathPattern).test(path))
  if (fault) {
    fault.remaining--
    sandbox.faultsTriggered++
  }
  return fault
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Replaces the answer whole: Hono would otherwise copy the old one's headers (content-length too) onto it. */
function replaceResponse(c: Context<Env>, response: Response): void {
  c.res = undefined as unknown as Response
  c.res = response
}

/** A body of `bytes` bytes that starts like JSON and never ends as valid JSON. */
function oversizeBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20)
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) {
        const head = new TextEncoder().encode('{"items":[')
        controller.enqueue(head)
        sent += head.length
        return
      }
      const size = Math.min(chunk.length, bytes - sent)
      if (size <= 0) return controller.close()
      controller.enqueue(size === chunk.length ? chunk : chunk.subarray(0, size))
      sent += size
    }
  })
}

/** The request log and fault injection, for /api/* only. The log never holds bodies or headers. */
export function faultMiddleware(sandbox: Sandbox) {
  return async (c: Context<Env>, next: Next) => {
    const started = performance.now()
    const method = c.req.method
    const path = c.req.path
    const fault = takeFault(sandbox, method, path)
    if (fault && fault.delayMs > 0) await sleep(fault.delayMs)
    const log = (status: number, dropped: boolean) =>
      sandbox.logRequest({ method, path, status, dropped, at: new Date().toISOString(), durationMs: Math.round(performance.now() - started) })
    if (!fault || fault.mode === 'delay') {
      await next()
      return log(c.res.status, false)
    }
    const socket = c.env.incoming.socket
    switch (fault.mode) {
      case 'status': {
        log(fault.status, false)
        const headers: Record<string, string> = fault.retryAfter === null ? {} : { 'retry-after': String(fault.retryAfter) }
        return c.json({ error: { code: 'injected_fault', message: `Injected fault ${fault.status}.` } }, fault.status as 500, headers)
      }
      case 'drop':
        await next()
        log(c.res.status, true)
        socket.destroy()
        return
      case 'reset': {
        const declared = Number(c.req.header('content-length') ?? 0)
        if (declared > 0) {
          // Mid-upload: the connection goes once half the request body has arrived, before anything is applied.
          let received = 0
          c.env.incoming.on('data', (chunk: Buffer) => {
            received += chunk.length
            if (received >= declared / 2) socket.destroy()
          })
        }
        await next()
        log(c.res.status, true)
        const body = new Uint8Array(await c.res.arrayBuffer())
        const half = body.subarray(0, Math.max(1, Math.floor(body.length / 2)))
        replaceResponse(c, new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(half)
              setTimeout(() => socket.destroy(), 20)
            }
          }),
          { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(Math.max(body.length, 2)) } }
        ))
        return
      }
      case 'garbage':
        await next()
        log(200, false)
        replaceResponse(c, new Response('{"items": [ this is not JSON', { status: 200, headers: { 'content-type': 'application/json' } }))
        return
      case 'oversize':
        await next()
        log(200, false)
        replaceResponse(c, new Response(oversizeBody(fault.bytes), {
          status: 200,
          headers: { 'content-type': 'application/json', ...(fault.declareLength ? { 'content-length': String(fault.bytes) } : {}) }
        }))
        return
      case 'trickle': {
        await next()
        log(c.res.status, false)
        const body = new Uint8Array(await c.res.arrayBuffer())
        // Ten steps a second, or one byte at a time as slowly as asked (1 byte/s: a byte each second).
        const step = Math.max(1, Math.ceil(fault.bytesPerSecond / 10))
        const pauseMs = Math.max(100, (1000 * step) / fault.bytesPerSecond)
        let at = 0
        replaceResponse(c, new Response(
          new ReadableStream({
            async pull(controller) {
              if (at >= body.length) return controller.close()
              await sleep(pauseMs)
              controller.enqueue(body.subarray(at, at + step))
              at += step
            }
          }),
          { status: c.res.status, headers: { 'content-type': 'application/json', 'content-length': String(body.length) } }
        ))
        return
      }
    }
  }
}
