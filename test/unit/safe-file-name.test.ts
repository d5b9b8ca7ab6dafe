import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, win32 } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../src/main/core/primitives/safe-file-name'

describe('a name from outside made a file name', () => {
  it('keeps the last path segment only, on every OS’s separators', () => {
    expect(safeFileName('../../../.config/autostart/update.desktop')).toBe('update.desktop')
    expect(safeFileName('..\\..\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\evil.lnk')).toBe('evil.lnk')
    expect(safeFileName('/etc/passwd')).toBe('passwd')
    expect(safeFileName('C:\\Windows\\System32\\drivers\\etc\\hosts')).toBe('hosts')
  })

  it('refuses Windows’ reserved names and what Windows forbids, whatever the OS', () => {
    expect(safeFileName('CON')).toBe('_CON')
    expect(safeFileName('nul.txt')).toBe('_nul.txt')
    expect(safeFileName('COM1.tar.gz')).toBe('_COM1.tar.gz')
    expect(safeFileName('LPT9 .pdf')).toBe('_LPT9.pdf')
    expect(safeFileName('Console.pdf')).toBe('Console.pdf')
    expect(safeFileName('report: final?.pdf')).toBe('report_ final_.pdf')
    expect(safeFileName('appraisal. . .')).toBe('appraisal')
    expect(safeFileName('.hidden')).toBe('hidden')
    expect(safeFileName('a<b>c|d*e".pdf')).toBe('a_b_c_d_e_.pdf')
  })

  it('drops control and invisible characters, so a name reads as what it is', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(safeFileName('line\nbreak\u0000.pdf')).toBe('line_break_.pdf')
  })

  it('keeps the extension when it cuts a long name, and never splits a character', () => {
    const long = `${'Ä'.repeat(300)}.pdf`
    const safe = safeFileName(long)
    expect(safe.endsWith('.pdf')).toBe(true)
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(180)
    expect(safe).not.toContain('\ufffd')
  })

  it('falls back to a name when nothing is left', () => {
    expect(safeFileName('..')).toBe('download')
    expect(safeFileName('///', 'document.pdf')).toBe('document.pdf')
    expect(safeFileName('   ', 'Inspection OV-1.ics')).toBe('Inspection OV-1.ics')
  })

  it('any name at all becomes one that each OS takes as a single file in the folder it is saved to', () => {
    const folder = mkdtempSync(join(tmpdir(), 'omnivms-names-'))
    try {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom(win32, posix), (name, path) => {
          const safe = safeFileName(name)
          expect(safe.length).toBeGreaterThan(0)
          expect(path.basename(safe)).toBe(safe)
          expect(path.dirname(path.join('/saved/here', safe))).toBe(path.join('/saved/here'))
          // eslint-disable-next-line no-control-regex -- control characters are what it must not hold
          expect(safe).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|[. ]$|^\./)
          expect(safeFileName(safe)).toBe(safe)
        }),
        { numRuns: 500 }
      )
      // And it can be written here, as one file.
      for (const name of ['../x', 'CON', 'a\u0000b', `${'é'.repeat(200)}.pdf`]) writeFileSync(join(folder, safeFileName(name)), 'x')
      expect(readdirSync(folder)).toHaveLength(4)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
