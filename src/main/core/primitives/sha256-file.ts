/** A file's SHA-256, read as a stream: a 500 MB report is hashed without being held in memory. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}
