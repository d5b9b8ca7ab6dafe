/** A report's files checked before a byte is sent: PDF signature, well-formed UTF-8 XML, embedded PDF, size. */
import { createHash } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import type { PickedFile } from '../../../shared/ipc/order-schemas'
import { formatBytes } from '../../../shared/format-bytes'
import { sha256File } from '../primitives/sha256-file'

export interface LocalFile {
  fileId: string
  path: string
  name: string
  size: number
}

type Check = PickedFile['checks'][number]

const PDF_SIGNATURE = Buffer.from('%PDF-')
// Base64 of "%PDF-": how an embedded PDF starts inside MISMO XML.
const EMBEDDED_PDF = /<(DOCUMENT|EmbeddedContentXML)\b[^>]*>\s*(JVBERi0[A-Za-z0-9+/=\s]*)<\/\1>/

interface Inspected {
  file: LocalFile
  kind: PickedFile['kind']
  checks: Check[]
  embeddedPdf: { sha256: string; size: number } | null
}

/** Checks every file before a byte is sent: type by content, size, well-formed UTF-8 XML, embedded PDF. */
export async function preflight(files: LocalFile[], maxBytes: number): Promise<PickedFile[]> {
  const inspected = await Promise.all(files.map((file) => inspect(file, maxBytes)))
  // A PDF attached beside an XML that already embeds the same PDF is delivered twice by some portals.
  for (const xml of inspected.filter((i) => i.embeddedPdf)) {
    for (const pdf of inspected.filter((i) => i.kind === 'pdf' && i.file.size === xml.embeddedPdf?.size)) {
      if ((await sha256File(pdf.file.path)) === xml.embeddedPdf?.sha256) {
        const message = `${xml.file.name} already embeds ${pdf.file.name}; sending both may duplicate the PDF at the client.`
        pdf.checks.push({ level: 'warning', message })
        xml.checks.push({ level: 'warning', message })
      }
    }
  }
  return inspected.map((i) => ({ fileId: i.file.fileId, name: i.file.name, size: i.file.size, kind: i.kind, checks: i.checks }))
}

async function inspect(file: LocalFile, maxBytes: number): Promise<Inspected> {
  const extension = extname(file.name).toLowerCase()
  const kind: PickedFile['kind'] = extension === '.pdf' ? 'pdf' : extension === '.xml' ? 'xml' : 'other'
  const result: Inspected = { file, kind, checks: [], embeddedPdf: null }
  const fail = (message: string) => {
    result.checks.push({ level: 'error', message })
    return result
  }
  if (kind === 'other') return fail(`${file.name} is not a PDF or XML file. Deliver the report as PDF and/or MISMO XML.`)
  if (file.size === 0) return fail(`${file.name} is empty.`)
  if (file.size > maxBytes) return fail(`${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`)

  if (kind === 'pdf') {
    const head = await readHead(file.path, 1024)
    if (head.indexOf(PDF_SIGNATURE) < 0) return fail(`${file.name} is not a valid PDF (it does not start with a PDF header).`)
    result.checks.push({ level: 'ok', message: `PDF, ${formatBytes(file.size)}` })
    return result
  }

  const bytes = await readFile(file.path)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail(`${file.name} is not UTF-8 text. Export the XML as UTF-8.`)
  }
  const declared = /^\uFEFF?<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(text)?.[1]
  if (declared && declared.toLowerCase().replace('_', '-') !== 'utf-8') {
    return fail(`${file.name} declares the ${declared} encoding; UCDP accepts only UTF-8.`)
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    return fail(`${file.name} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}).`)
  }
  const embedded = EMBEDDED_PDF.exec(text)
  if (embedded?.[2]) {
    const pdf = Buffer.from(embedded[2].replace(/\s+/g, ''), 'base64')
    result.embeddedPdf = { sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length }
    result.checks.push({ level: 'ok', message: `Well-formed UTF-8 XML with an embedded PDF (${formatBytes(pdf.length)})` })
  } else if (/MISMO|VALUATION_RESPONSE/.test(text)) {
    result.checks.push({ level: 'warning', message: `${file.name} is MISMO XML without an embedded PDF; most clients require one.` })
  } else {
    result.checks.push({ level: 'ok', message: 'Well-formed UTF-8 XML' })
  }
  return result
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
