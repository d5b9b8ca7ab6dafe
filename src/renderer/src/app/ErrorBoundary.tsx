/** What the window shows when a part of it fails to render, and the report it sends main. */
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { reportReactError } from './error-reporting'

/** A render error shows a plain message (and reaches the log) instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportReactError(error, info.componentStack)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <main className="center-screen" role="alert">
        <h1>Something went wrong in this window</h1>
        <p>Your drafts and your sign-in are kept. Reopen the window to carry on; if it happens again, use Help → Export diagnostics….</p>
        <button type="button" className="primary" onClick={() => this.setState({ failed: false })}>
          Reopen the window
        </button>
      </main>
    )
  }
}
