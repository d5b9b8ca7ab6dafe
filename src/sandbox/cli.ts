/** `npm run sandbox`: the sandbox on its own, on 127.0.0.1. */
import { parseArgs } from 'node:util'
import { DEMO_ACCOUNTS } from './seed'
import { startSandboxServer } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4580' },
    orders: { type: 'string' },
    'access-ttl': { type: 'string' },
    help: { type: 'boolean', default: false }
  }
})

if (values.help) {
  console.log(`Usage: npm run sandbox -- [--port N] [--orders N] [--access-ttl SECONDS]

Starts the local OmniValVMS sandbox on 127.0.0.1 with synthetic data.
  --port N             port to listen on (default 4580; 0 picks a free one)
  --orders N           how many orders the demo appraiser has (default 72)
  --access-ttl SECONDS access token lifetime (default 300)`)
  process.exit(0)
}

const toInt = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${value}"`)
    process.exit(2)
  }
  return n
}

const ttl = toInt('access-ttl', values['access-ttl'])
const running = await startSandboxServer({
  port: toInt('port', values.port),
  orders: toInt('orders', values.orders),
  accessTokenTtlMs: ttl === undefined ? undefined : ttl * 1000
})

console.log(`OmniValVMS sandbox listening on ${running.url}`)
console.log(`  demo appraiser:  ${DEMO_ACCOUNTS.vendor.email} / ${DEMO_ACCOUNTS.vendor.password}`)
console.log(`  other appraiser: ${DEMO_ACCOUNTS.otherVendor.email} / ${DEMO_ACCOUNTS.otherVendor.password}`)
console.log(`  control plane:   ${running.url}/__sandbox/  (see README)`)

const stop = () => void running.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
