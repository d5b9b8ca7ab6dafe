/** Runs async work one piece at a time, in the order asked; a failure does not stop the next. */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>) => {
    const next = tail.then(work, work)
    tail = next.catch(() => undefined)
    return next
  }
}
