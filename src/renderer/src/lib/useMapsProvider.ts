/** The maps Directions open in (Settings → Maps). */
import { useQuery } from '@tanstack/react-query'
import type { MapsProvider } from '../../../shared/directions'
import { SETTINGS_KEY } from '../settings/settings-keys'
import { api, unwrap } from './bridge'

export function useMapsProvider(): MapsProvider {
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => unwrap(api().getSettings()) })
  return settings.data?.maps.provider ?? 'google'
}
