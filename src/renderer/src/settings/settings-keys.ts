export const SETTINGS_KEY = ['settings'] as const
