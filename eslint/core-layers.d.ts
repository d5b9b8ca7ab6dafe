/** Types of core-layers.js, for the test that reads its table. */
import type { ESLint, Rule } from 'eslint'

export declare const CORE_LAYERS: readonly (readonly string[])[]
export declare const coreLayers: Rule.RuleModule
declare const plugin: ESLint.Plugin
export default plugin
