import type { BadgePort, Notifier } from '../../src/main/core/ports'

/** The OS notifications as the browser project records them, and clicks them. */
export function createRecordingNotifier(): Notifier & { shown: { id: string; title: string; body: string }[]; click(index: number): void } {
  const listeners = new Set<(id: string) => void>()
  const shown: { id: string; title: string; body: string }[] = []
  return {
    shown,
    show: (notification) => void shown.push(notification),
    onClick(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    click(index) {
      const notification = shown[index]
      if (!notification) throw new Error(`no notification #${index} (${shown.length} shown)`)
      for (const listener of listeners) listener(notification.id)
    }
  }
}

export function createRecordingBadge(): BadgePort & { count: number } {
  return {
    count: 0,
    setCount(count) {
      this.count = count
    }
  }
}
