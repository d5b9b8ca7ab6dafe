import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/main/core/logger'
import { SAFE_LOG_FIELDS, logFieldClass } from '../../src/main/core/storage/personal-data-policy'

const ROOT = resolve(import.meta.dirname, '..', '..')

/** Every field name passed to a logger call in src/main, with where. */
function loggedFields(): Map<string, string[]> {
  const files = execSync('git ls-files -- src/main', { cwd: ROOT }).toString().trim().split('\n').filter((f) => f.endsWith('.ts'))
  const fields = new Map<string, string[]>()
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(resolve(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['info', 'warn', 'error'].includes(node.expression.name.text) && /logger/i.test(node.expression.expression.getText())) {
        const record = node.arguments[1]
        if (record && !ts.isObjectLiteralExpression(record)) fields.set(`(not an object literal: ${record.getText()})`, [file])
        for (const property of record && ts.isObjectLiteralExpression(record) ? record.properties : []) {
          const name = property.name?.getText() ?? `(spread: ${property.getText()})`
          fields.set(name, [...(fields.get(name) ?? []), `${file}:${source.getLineAndCharacterOfPosition(property.getStart()).line + 1}`])
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return fields
}

describe('log fields, kept out by structure', () => {
  it('every field a logger call passes is declared safe in the personal-data policy', () => {
    const fields = loggedFields()
    expect(fields.size).toBeGreaterThan(20)
    const undeclared = [...fields].filter(([name]) => logFieldClass(name) !== 'safe').map(([name, where]) => `${name} (${where.join(', ')})`)
    expect(undeclared).toEqual([])
  })

  it('writes a field that is not declared safe as withheld or redacted, whatever it holds', () => {
    const lines: string[] = []
    const logger = createLogger((_level, line) => lines.push(line))
    logger.info('x', { borrowerName: 'Avery Chen', someNewField: 'plain words', password: 'Sandbox!2026', error: 'HTTP 409 conflict' })
    expect(lines[0]).toContain('"borrowerName":"[withheld]","someNewField":"[withheld]","password":"[redacted]","error":"HTTP 409 conflict"')
    expect(SAFE_LOG_FIELDS).toContain('error')
    expect(logFieldClass('__proto__')).toBe('personal')
  })
})
