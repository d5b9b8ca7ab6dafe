import { arch, release } from 'node:os'
import type { AppInfo } from '../../src/shared/ipc/app-schemas'
import type { FolderOpener, LogTail } from '../../src/main/core/ports'

/** What plain Node can say about itself, in place of Electron's versions. */
export function nodeAppInfo(): AppInfo {
  return { name: 'OmniValVMS Desktop', version: '0.1.0', electron: null, chrome: null, node: process.versions.node, os: `${process.platform} ${release()} ${arch()}` }
}

/** The log "file" of a test core: the lines its logger wrote. */
export function memoryLogTail(lines: string[], folder = '/logs'): LogTail {
  return { folder, lastLines: async (count) => lines.slice(-count) }
}

export function recordingFolders(): FolderOpener & { opened: string[] } {
  const opened: string[] = []
  return { opened, openFolder: async (path) => void opened.push(path) }
}
