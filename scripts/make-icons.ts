/**
 * Renders build/icon.svg into the icons each OS needs and writes them under build/:
 * icon.png (1024), icons/NxN.png (Linux), icon.ico (Windows), icon.icns (macOS).
 * Run after editing the SVG; the results are committed.   npx tsx scripts/make-icons.ts
 */
import { chromium } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { packIcns, packIco } from '../build/icon-formats/containers'
import { hostBrowserPath } from '../test/support/browser-path'

const BUILD = resolve(import.meta.dirname, '..', 'build')
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const svg = readFileSync(join(BUILD, 'icon.svg'), 'utf8')

const browser = await chromium.launch({ executablePath: hostBrowserPath(), args: ['--headless', '--no-sandbox', '--disable-gpu'] })
const pngs = new Map<number, Buffer>()
try {
  const page = await browser.newPage()
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`)
    pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }))
  }
} finally {
  await browser.close()
}

mkdirSync(join(BUILD, 'icons'), { recursive: true })
writeFileSync(join(BUILD, 'icon.png'), pngs.get(1024) as Buffer)
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(join(BUILD, 'icons', `${size}x${size}.png`), pngs.get(size) as Buffer)
writeFileSync(join(BUILD, 'icon.ico'), packIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) as Buffer }))))
writeFileSync(join(BUILD, 'icon.icns'), packIcns(pngs))
console.log(`Wrote icon.png, icons/*.png, icon.ico and icon.icns to ${BUILD}`)
