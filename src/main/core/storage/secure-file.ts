/** Atomic, flushed writes of files only the user may read (0600), in folders only they may enter (0700). */
import { randomBytes } from 'node:crypto'
import { chmod, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'

/** Files the app writes are readable by the user only (macOS/Linux); folders likewise. */
export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_DIR_MODE = 0o700

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix: a
 * temporary file beside it, flushed to disk, renamed over the target, the folder flushed too.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = PRIVATE_FILE_MODE): Promise<void> {
  const folder = dirname(path)
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await openCreatingFolder(temporary, folder, mode)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temporary, { force: true })
    throw error
  }
  await handle.close()
  try {
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  await chmod(path, mode).catch(() => undefined)
  await syncFolder(folder)
}

/** What writeFileAtomic names its temporary files: `.<target>.<12 hex>.tmp`. */
const TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/

/**
 * Removes the temporary files of writes a crash interrupted (the targets beside them are whole: the
 * old content or the new), in `folder` and the folders under it to `depth`. Run before anything writes.
 */
export async function removeStaleTemporaries(folder: string, depth = 2): Promise<number> {
  let removed = 0
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isFile() && TEMPORARY.test(entry.name)) {
      await rm(path, { force: true })
      removed++
    } else if (entry.isDirectory() && depth > 0) removed += await removeStaleTemporaries(path, depth - 1)
  }
  return removed
}

/** Opens a new file for writing; its folder is made (0700) only when it is missing — most writes go to a folder that is there, and save the call. */
async function openCreatingFolder(file: string, folder: string, mode: number): Promise<FileHandle> {
  try {
    return await open(file, 'w', mode)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await mkdir(folder, { recursive: true, mode: PRIVATE_DIR_MODE })
    return open(file, 'w', mode)
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Not every OS lets a folder be opened for fsync (Windows); the rename is still atomic there.
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // best effort
  }
}
