/**
 * One way down inside src/main/core: each concern has a layer, and a file may import only what lies
 * on a lower layer (or its own folder). Session sits above what it builds (orders, sync, uploads,
 * offline); the primitives, ports and errors are the ground every concern may stand on.
 * An arrow back up is a lint error: `omnivms/core-layers`.
 */
import { dirname, posix, relative, resolve, sep } from 'node:path'

/** Low to high. A folder of src/main/core, or one of its top-level files (without `.ts`). */
export const CORE_LAYERS = [
  ['primitives'],
  ['ports', 'errors', 'dev-overrides', 'renderer-files'],
  ['storage', 'net', 'settings', 'window', 'links', 'updates'],
  ['privacy', 'drafts'],
  ['platform', 'logger'],
  ['logging', 'diagnostics', 'orders'],
  ['offline', 'uploads'],
  ['sync'],
  ['session'],
  ['ipc', 'menu'],
  ['app-core-contract'],
  ['app-core', 'smoke']
]

const LAYER_OF = new Map(CORE_LAYERS.flatMap((names, layer) => names.map((name) => [name, layer])))
const CORE = posix.join('src', 'main', 'core')

/** The unit of src/main/core a path belongs to: its first folder, or the top-level file's name. */
function unitOf(path) {
  const inCore = relative(resolve(CORE), path).split(sep).join('/')
  if (inCore.startsWith('..')) return null
  const [first, ...rest] = inCore.split('/')
  return rest.length > 0 ? first : first.replace(/\.tsx?$/, '')
}

export const coreLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Inside src/main/core, imports run one way: down the layers of CORE_LAYERS.' },
    messages: {
      backUp: '{{from}} (layer {{fromLayer}}) may not import {{to}} (layer {{toLayer}}): imports inside src/main/core run one way, down (eslint/core-layers.js). Move what both need lower (primitives/, ports.ts) or pass it in.',
      unplaced: '{{unit}} has no layer in eslint/core-layers.js: give it one, so its imports can be checked.'
    },
    schema: []
  },
  create(context) {
    const from = unitOf(context.filename)
    if (from === null) return {}
    const fromLayer = LAYER_OF.get(from)
    const check = (node) => {
      const source = node.source?.value
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const to = unitOf(resolve(dirname(context.filename), source))
      if (to === null || to === from) return
      if (fromLayer === undefined) return context.report({ node, messageId: 'unplaced', data: { unit: from } })
      const toLayer = LAYER_OF.get(to)
      if (toLayer === undefined) return context.report({ node, messageId: 'unplaced', data: { unit: to } })
      if (toLayer >= fromLayer) context.report({ node, messageId: 'backUp', data: { from, fromLayer, to, toLayer } })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  }
}

export default { rules: { 'core-layers': coreLayers } }
