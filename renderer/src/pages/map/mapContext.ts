import { createContext, useContext } from 'react';
import type { L } from './leaflet';

/**
 * Our panes, bottom to top. Only `hits` takes the mouse: every clickable thing (invisible division and
 * grid shapes, dispute and service-point dots) is on that one canvas, because a canvas on top swallows
 * every event, also where it drew nothing, so layers on lower canvases could never be clicked.
 */
export const PANES = ['context', 'grids', 'children', 'hits', 'labels'] as const;
export type PaneName = (typeof PANES)[number];

export interface MapHandle {
  map: L.Map;
  /**
   * A canvas renderer per pane (the labels pane holds DOM labels, its canvas stays unused); `children`
   * is the grid canvas itself (outlines over the fills, one canvas less per frame).
   */
  renderers: Record<PaneName, L.Canvas>;
  pane(name: PaneName): string;
}

export const MapContext = createContext<MapHandle | null>(null);

/** The map, for the layer components rendered inside <MapView>. */
export function useMapHandle(): MapHandle {
  const h = useContext(MapContext);
  if (!h) throw new Error('useMapHandle outside <MapView>');
  return h;
}
