import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import { call } from '../../../api/client';
import { errorText } from '../../../lib/errorText';
import type { MapPoint } from '../../../../../shared/domain/mapLayers';
import { WARNING_LEVELS, type WarningLevel } from '../../../../../shared/domain/disputeStatus';
import { anyCategoryText, servicePointCategoryText, warningName } from '../../../lib/labels';

export type PointSelection =
  | { kind: 'servicePoint'; id: number; at: [lat: number, lng: number] }
  | { kind: 'dispute'; point: MapPoint; at: [lat: number, lng: number] };

function line(parent: HTMLElement, text: string, className?: string): void {
  const div = document.createElement('div');
  div.textContent = text;
  if (className) div.className = className;
  parent.appendChild(div);
}

/**
 * The popup of a clicked dot. Its text is set with textContent only (names come from user input). A
 * service point's details are fetched when it is opened: the map layer carries only ids and categories.
 */
export function PointPopup({ selection, onClose }: { selection: PointSelection | null; onClose(): void }) {
  const { map } = useMapHandle();
  const { t, i18n } = useTranslation();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    if (!selection) return;
    const box = document.createElement('div');
    box.className = 'gc-map-popup';
    box.dataset.testid = 'map-point-popup';
    let live = true;
    if (selection.kind === 'dispute') {
      const w: WarningLevel = (WARNING_LEVELS as readonly string[]).includes(selection.point.kind) ? (selection.point.kind as WarningLevel) : 'none';
      line(box, t('map.popup.dispute', { id: String(selection.point.id) }), 'gc-map-popup-title');
      line(box, anyCategoryText(t, selection.point.subKind ?? ''));
      line(box, warningName(t, w));
    } else {
      line(box, t('app.loading'));
      call('directory.get', { id: selection.id }).then(
        (p) => {
          if (!live) return;
          box.replaceChildren();
          line(box, p.name, 'gc-map-popup-title');
          line(box, `${servicePointCategoryText(t, p.category, p.categoryName)} · ${p.divisionName}`);
          if (p.address) line(box, p.address);
          if (p.phone) line(box, `☎ ${p.phone}`, 'gc-mono');
          if (p.hours) line(box, p.hours);
          popup.update();
        },
        (err: unknown) => {
          if (!live) return;
          box.replaceChildren();
          line(box, errorText(err, t, i18n.language));
        },
      );
    }
    const popup = L.popup({ maxWidth: 280, autoPanPadding: L.point(40, 40) }).setLatLng(selection.at).setContent(box);
    popup.on('remove', () => {
      if (live) closeRef.current();
    });
    popup.openOn(map);
    return () => {
      live = false;
      popup.remove();
    };
  }, [selection, map, t, i18n.language]);

  return null;
}
