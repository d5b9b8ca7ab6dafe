/** A small, valid one-page PDF with a line of text, for seeded documents and tests. */
export function samplePdf(text: string): Buffer {
  const safe = text.replace(/[()\\]/g, '')
  const stream = `BT /F1 14 Tf 72 720 Td (${safe}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** A MISMO 2.6-style appraisal XML that embeds the given PDF, as report software produces. */
export function sampleMismoXml(pdf: Buffer | null, address = '4289 Juniper Dr'): Buffer {
  const embedded = pdf
    ? `\n  <EMBEDDED_FILE _Type="PDF" _EncodingType="Base64" _Name="Appraisal Report" MIMEType="application/pdf">\n    <DOCUMENT>${pdf.toString('base64')}</DOCUMENT>\n  </EMBEDDED_FILE>`
    : ''
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<VALUATION_RESPONSE MISMOVersionID="2.6">\n  <PROPERTY _StreetAddress="${address}" />\n  <VALUATION _AppraisalFormType="FNM1004" _PropertyAppraisedValueAmount="412000" />${embedded}\n</VALUATION_RESPONSE>\n`,
    'utf8'
  )
}
