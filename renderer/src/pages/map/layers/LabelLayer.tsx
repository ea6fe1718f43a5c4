import { useEffect, useRef } from 'react';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import type { BoundaryData } from '../useBoundaryData';
import { labelPoint } from '../mapGeometry';

interface Props {
  data: BoundaryData;
  /** Hidden below this zoom (too many names on too little map). */
  minZoom: number;
  /** What to write: the name, or e.g. the grid's short number. */
  text?: (code: string, name: string) => string;
  onClick?: (code: string, name: string) => void;
  testIdPrefix: string;
  /** Grey names of the context around the focus. */
  muted?: boolean;
  skipCode?: string;
}

/**
 * Names of the features as small DOM labels inside each shape. They are few (a focus's children, a
 * village's grids), focusable and clickable like the shape under them.
 */
export function LabelLayer({ data, minZoom, text, onClick, testIdPrefix, muted, skipCode }: Props) {
  const { map, pane } = useMapHandle();
  const clickRef = useRef(onClick);
  const textRef = useRef(text);
  useEffect(() => {
    clickRef.current = onClick;
    textRef.current = text;
  });

  useEffect(() => {
    const group = L.layerGroup();
    for (const f of data.features) {
      if (f.code === skipCode) continue;
      const at = labelPoint(f);
      if (!at) continue;
      const label = document.createElement('span');
      label.className = muted ? 'gc-map-label-text gc-map-label-muted' : 'gc-map-label-text';
      label.textContent = textRef.current ? textRef.current(f.code, f.name) : f.name;
      label.dataset.testid = `${testIdPrefix}-${f.code}`;
      label.dataset.code = f.code;
      const marker = L.marker([at[1], at[0]], {
        pane: pane('labels'),
        icon: L.divIcon({ className: 'gc-map-label', html: label, iconSize: undefined }),
        keyboard: true,
        title: f.name,
        alt: f.name,
        riseOnHover: true,
      });
      marker.on('click', () => clickRef.current?.(f.code, f.name));
      group.addLayer(marker);
    }
    const sync = () => {
      const show = map.getZoom() >= minZoom;
      if (show && !map.hasLayer(group)) group.addTo(map);
      if (!show && map.hasLayer(group)) group.remove();
    };
    sync();
    map.on('zoomend', sync);
    return () => {
      map.off('zoomend', sync);
      group.remove();
    };
  }, [data, map, pane, minZoom, testIdPrefix, muted, skipCode]);

  return null;
}
