import { useMemo } from 'react';
import { decodePointLayer, type MapPoint } from '../../../../shared/domain/mapLayers';
import type { DisputeFilterState } from './MapLayerPanel';
import { useCall } from '../../hooks/useCall';
import { useDataChanged } from '../../hooks/useDataChanged';

/** Every service point of the account's area (clustered on the map, so loaded once). */
export function useServicePoints(enabled: boolean) {
  const call = useCall('map.servicePoints', {}, enabled);
  useDataChanged(call.reload, ['service_point']);
  const points = useMemo((): MapPoint[] | undefined => (call.data ? decodePointLayer(call.data) : undefined), [call.data]);
  return { points, error: call.error, reload: call.reload, withoutLocation: call.data?.withoutLocation ?? 0 };
}

/** Open disputes (or the chosen open statuses) matching the queue-style filter. */
export function useDisputePoints(filter: DisputeFilterState, enabled: boolean) {
  const call = useCall(
    'map.disputes',
    {
      ...(filter.statuses.length ? { statuses: filter.statuses } : {}),
      ...(filter.categories.length ? { categories: filter.categories } : {}),
      ...(filter.warnings.length ? { warnings: filter.warnings } : {}),
    },
    enabled,
  );
  useDataChanged(call.reload, ['dispute']);
  const points = useMemo((): MapPoint[] | undefined => (call.data ? decodePointLayer(call.data) : undefined), [call.data]);
  return { points, error: call.error, reload: call.reload, loading: call.loading, withoutLocation: call.data?.withoutLocation ?? 0 };
}
