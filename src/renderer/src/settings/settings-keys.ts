/** The settings query's key. */
export const SETTINGS_KEY = ['settings'] as const
