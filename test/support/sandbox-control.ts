/** Thin client for the sandbox control plane, used by tests. */
export function sandboxControl(url: string) {
  const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(`${url}/__sandbox${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) }
    })
    if (!response.ok) throw new Error(`control ${path} answered ${response.status}`)
    return (response.status === 204 ? null : await response.json()) as T
  }
  return {
    expireTokens: () => json<{ expired: number }>('/tokens/expire', { method: 'POST' }),
    revokeTokens: () => json<{ revoked: number }>('/tokens/revoke', { method: 'POST' }),
    sessions: () =>
      json<{ sessions: { user: { id: string; email: string }; accessToken: string; refreshToken: string | null }[] }>('/sessions'),
    outbox: () => json<{ messages: { to: string; subject: string; body: string }[] }>('/outbox'),
    requests: () => json<{ requests: { method: string; path: string; status: number; dropped: boolean }[] }>('/requests'),
    clearRequests: () => json<null>('/requests', { method: 'DELETE' }),
    fault: (fault: {
      method?: string
      path: string
      count?: number
      mode?: 'status' | 'drop' | 'delay' | 'garbage' | 'oversize' | 'trickle' | 'reset'
      status?: number
      delayMs?: number
      bytes?: number
      declareLength?: boolean
      bytesPerSecond?: number
      retryAfter?: number
    }) =>
      json<unknown>('/faults', { method: 'POST', body: JSON.stringify(fault) }),
    reset: () => json<unknown>('/reset', { method: 'POST' }),
    clearFaults: () => json<null>('/faults', { method: 'DELETE' }),
    issuedTokens: () => json<{ tokens: string[] }>('/tokens/issued'),
    hold: (orderId: string, reason: string) => json<unknown>(`/orders/${orderId}/hold`, { method: 'POST', body: JSON.stringify({ reason }) }),
    resume: (orderId: string) => json<unknown>(`/orders/${orderId}/resume`, { method: 'POST' }),
    advanceClock: (advanceMs: number) => json<{ now: string }>('/clock', { method: 'POST', body: JSON.stringify({ advanceMs }) }),
    setTokenTtl: (seconds: number) => json<unknown>('/tokens/ttl', { method: 'POST', body: JSON.stringify({ seconds }) })
  }
}
