/** The window's place and size, remembered and kept on a screen that exists. */
import { z } from 'zod'
import type { KeyValueStore } from '../ports'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const WindowStateSchema = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() }),
  maximized: z.boolean()
})
export type WindowState = z.infer<typeof WindowStateSchema>

const KEY = 'windowState'
/** At least this much of the window's title area must be on a display for it to be reachable. */
const MIN_VISIBLE = 100

export function loadWindowState(store: KeyValueStore): WindowState | null {
  const parsed = WindowStateSchema.safeParse(store.get(KEY))
  return parsed.success ? parsed.data : null
}

export function saveWindowState(store: KeyValueStore, state: WindowState): void {
  store.set(KEY, state)
}

/**
 * Where the window opens: where it was, if that place is still on a display (a monitor may
 * have been unplugged since); otherwise the default size, centred by the OS.
 */
export function restoreWindowState(
  saved: WindowState | null,
  displays: readonly Rect[],
  defaults: { width: number; height: number; minWidth: number; minHeight: number }
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { width: defaults.width, height: defaults.height }, maximized: false }
  const width = Math.max(defaults.minWidth, saved.bounds.width)
  const height = Math.max(defaults.minHeight, saved.bounds.height)
  const titleBar = { x: saved.bounds.x, y: saved.bounds.y, width, height: 40 }
  const onScreen = displays.some((d) => overlap(titleBar, d) >= Math.min(MIN_VISIBLE, width) * 20)
  if (!onScreen) return { bounds: { width: Math.min(width, defaults.width), height: Math.min(height, defaults.height) }, maximized: saved.maximized }
  return { bounds: { x: saved.bounds.x, y: saved.bounds.y, width, height }, maximized: saved.maximized }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}
