import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/main/core/storage/secure-file'

describe('an atomic write', () => {
  const roots: string[] = []
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
  })
  const root = () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnivms-secure-file-'))
    roots.push(dir)
    return dir
  }

  it('makes a missing folder for the user only, and again when it was removed between writes', async () => {
    const folder = join(root(), 'sessions', 'abc')
    const file = join(folder, 'inbox.json')
    await writeFileAtomic(file, 'first')
    expect(readFileSync(file, 'utf8')).toBe('first')
    if (process.platform !== 'win32') {
      expect(statSync(folder).mode & 0o777).toBe(0o700)
      expect(statSync(file).mode & 0o777).toBe(0o600)
    }
    rmSync(folder, { recursive: true })
    await writeFileAtomic(file, 'second')
    expect(readFileSync(file, 'utf8')).toBe('second')
  })

  it('replaces the file whole and leaves no temporary file beside it', async () => {
    const folder = root()
    const file = join(folder, 'changes.json')
    await writeFileAtomic(file, 'x'.repeat(10_000))
    await writeFileAtomic(file, 'short')
    expect(readFileSync(file, 'utf8')).toBe('short')
    expect(readdirSync(folder)).toEqual(['changes.json'])
  })

  it('fails plainly when the folder cannot be made, leaving nothing behind', async () => {
    const folder = root()
    const blocker = join(folder, 'not-a-folder')
    await writeFileAtomic(blocker, 'a file where a folder should be')
    await expect(writeFileAtomic(join(blocker, 'inner', 'x.json'), 'data')).rejects.toThrow(/ENOTDIR|EEXIST/)
    expect(readdirSync(folder)).toEqual(['not-a-folder'])
  })
})
