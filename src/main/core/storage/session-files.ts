/**
 * One session's personal data as named values: held in memory always, and also on disk —
 * encrypted (EncryptedFiles: a keychain-sealed data key, AES-256-GCM, 0600) in a folder of its
 * own — when the personal-data policy places it there. A disposed session writes nothing more.
 */
import type { z } from 'zod'
import type { Logger, SecretCipher } from '../ports'
import { EncryptedFiles } from './encrypted-files'
import type { PersonalDataPlace } from './personal-data-policy'
import { serialQueue } from './serial'

export interface SessionFilesOptions {
  folder: string
  cipher: SecretCipher
  logger: Logger
  place: PersonalDataPlace
  /** False once the owning session is disposed: nothing is written after that. */
  isLive(): boolean
  /** Values kept in memory by an earlier session with the same key (a forced sign-in keeps them). */
  initial?: ReadonlyMap<string, unknown>
  /** A file on disk could not be read (damaged, sealed with another key, not of its shape) and was discarded. */
  unreadable?(file: string): void
}

interface WaitingWrite {
  value: unknown
  done: Promise<void>
}

export class SessionFiles {
  private readonly values: Map<string, unknown>
  private readonly fromDisk = new Set<string>()
  private readonly encrypted: EncryptedFiles
  private currentPlace: PersonalDataPlace
  // One file operation at a time: a wipe never races a write that would re-create a file.
  private readonly serial = serialQueue()
  /** Writes queued and not yet started, by file. */
  private readonly waiting = new Map<string, WaitingWrite>()

  constructor(private readonly options: SessionFilesOptions) {
    this.values = new Map(options.initial ?? [])
    this.encrypted = new EncryptedFiles(options.folder, options.cipher, options.logger, (file) => options.unreadable?.(file))
    this.currentPlace = options.place
  }

  get place(): PersonalDataPlace {
    return this.currentPlace
  }

  /** The value, parsed; null when there is none or it is not of that shape. */
  async read<S extends z.ZodType>(name: string, schema: S): Promise<z.output<S> | null> {
    if (!this.values.has(name) && this.currentPlace === 'disk' && !this.fromDisk.has(name)) {
      const stored = await this.serial(() => this.encrypted.read(name))
      this.fromDisk.add(name)
      if (stored !== null && !this.values.has(name)) {
        // Opened but not of the shape this version keeps: as unreadable as a damaged file.
        if (!schema.safeParse(stored).success) {
          this.options.logger.warn('a local data file was not of its shape and was discarded', { file: name })
          this.options.unreadable?.(name)
          return null
        }
        this.values.set(name, stored)
      }
    }
    const parsed = schema.safeParse(this.values.get(name))
    return parsed.success ? parsed.data : null
  }

  /**
   * Keeps the value; on disk too where the policy says so. Only a live session may write; a write
   * it asked for before it ended still lands — before the sign-out's wipe, which queues after it.
   * A file already waiting to be written is written once, with the newest value (unless `inOrder`:
   * then it queues behind everything asked before) — so writes that come faster than the disk
   * takes them never pile up.
   */
  write(name: string, value: unknown, options: { inOrder?: boolean } = {}): Promise<void> {
    if (!this.options.isLive()) return Promise.resolve()
    this.values.set(name, value)
    if (this.currentPlace !== 'disk') return Promise.resolve()
    const waiting = this.waiting.get(name)
    if (waiting && !options.inOrder) {
      waiting.value = value
      return waiting.done
    }
    const write: WaitingWrite = { value, done: Promise.resolve() }
    write.done = this.serial(async () => {
      if (this.waiting.get(name) === write) this.waiting.delete(name)
      if (this.currentPlace !== 'disk') return
      await this.encrypted.write(name, write.value).catch((error: unknown) => this.options.logger.warn('session data could not be written; kept in memory', { file: name, error: error instanceof Error ? error.name : 'unknown' }))
    })
    this.waiting.set(name, write)
    return write.done
  }

  /** One value gone, from memory and disk. */
  remove(name: string): Promise<void> {
    if (!this.options.isLive()) return Promise.resolve()
    // A later write of the file must land after the removal, not in a write queued before it.
    this.waiting.delete(name)
    this.values.delete(name)
    this.fromDisk.add(name)
    return this.serial(() => this.encrypted.remove(name))
  }

  /** The policy moved the data: to memory (the folder is removed now) or to disk (written now). */
  setPlace(place: PersonalDataPlace): Promise<void> {
    if (place === this.currentPlace) return this.serial(async () => undefined)
    this.currentPlace = place
    this.waiting.clear()
    if (place === 'memory') return this.serial(() => this.encrypted.wipe())
    return this.serial(async () => {
      for (const [name, value] of this.values) {
        if (this.currentPlace !== 'disk') return
        await this.encrypted.write(name, value)
      }
    })
  }

  /** What is held in memory, for the next session with the same key. */
  snapshot(): Map<string, unknown> {
    return new Map(this.values)
  }

  /** Everything removed, from memory and disk (sign-out). */
  wipe(): Promise<void> {
    this.waiting.clear()
    this.values.clear()
    this.fromDisk.clear()
    return this.serial(() => this.encrypted.wipe())
  }

  /** Writes queued so far have finished. */
  settled(): Promise<void> {
    return this.serial(async () => undefined)
  }
}
