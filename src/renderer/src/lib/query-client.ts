/** How the window's queries behave; each signed-in session gets a client of its own (see App). */
import { QueryClient, notifyManager } from '@tanstack/react-query'
import { shouldRetry } from './bridge'

// A query's result reaches React in the task that brought it, not in a setTimeout after it (the
// library's default): the window's first rows waited 5–10 ms for that hop and the frame run before it.
notifyManager.setScheduler(queueMicrotask)

// Main owns the network and answers offline itself (the saved copy, a queued field action), so the
// window never pauses a call because the browser thinks it is offline.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' }
    }
  })
}
