/** Errors the window did not handle, reported to main for the log. */
import { api } from '../lib/bridge'

const text = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value)).slice(0, 2000)
const stackOf = (value: unknown) => (value instanceof Error && value.stack ? value.stack.slice(0, 8000) : null)

/** Sends errors the window did not handle to main's log file (through the contract). */
export function reportErrorsToMain(): void {
  window.addEventListener('error', (event) => {
    void api().reportRendererError({ message: text(event.error ?? event.message), stack: stackOf(event.error), source: 'error' })
  })
  window.addEventListener('unhandledrejection', (event) => {
    void api().reportRendererError({ message: text(event.reason), stack: stackOf(event.reason), source: 'unhandledrejection' })
  })
}

export function reportReactError(error: unknown, componentStack: string | null | undefined): void {
  void api().reportRendererError({ message: text(error), stack: `${stackOf(error) ?? ''}${componentStack ?? ''}`.slice(0, 8000) || null, source: 'react' })
}
