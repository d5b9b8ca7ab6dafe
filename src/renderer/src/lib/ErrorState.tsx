/** A failed load: what went wrong, in plain words, and a way to try again. */
export function ErrorState({ message, onRetry, className = '' }: { message: string; onRetry(): void; className?: string }) {
  return (
    <div className={`error-state ${className}`.trim()} role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
