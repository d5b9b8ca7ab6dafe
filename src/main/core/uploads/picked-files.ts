/** Files the user picked in the native dialog, known to the window only by opaque ids. */
import { randomBytes } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../errors'
import type { LocalFile } from './preflight'

/**
 * Files the user picked in the native dialog, known to the renderer only by an opaque id, so
 * the renderer can never make main read a path of its choosing.
 */
export class PickedFiles {
  private readonly files = new Map<string, LocalFile>()

  async add(paths: string[]): Promise<LocalFile[]> {
    const added: LocalFile[] = []
    for (const path of paths) {
      const info = await stat(path).catch(() => {
        throw new AppError('preflight_failed', `${basename(path)} can't be read. Check that it still exists and you may open it.`)
      })
      if (!info.isFile()) continue
      const file = { fileId: randomBytes(12).toString('hex'), path, name: basename(path), size: info.size }
      this.files.set(file.fileId, file)
      added.push(file)
    }
    return added
  }

  /** The files, re-measured now: a file changed on disk since it was picked is checked again. */
  async resolve(fileIds: string[]): Promise<LocalFile[]> {
    return Promise.all(
      fileIds.map(async (id) => {
        const file = this.files.get(id)
        if (!file) throw new AppError('invalid_input', 'Pick the files again: this selection has expired.')
        try {
          return { ...file, size: (await stat(file.path)).size }
        } catch {
          throw new AppError('preflight_failed', `${file.name} can no longer be read. Was it moved or deleted?`)
        }
      })
    )
  }
}
