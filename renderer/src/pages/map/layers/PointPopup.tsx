import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMayCall } from '../../../session/sessionContext';
import { L } from '../leaflet';
import { useMapHandle } from '../mapContext';
import { call } from '../../../api/client';
import { errorText } from '../../../lib/errorText';
import type { MapPoint } from '../../../../../shared/domain/mapLayers';
import { WARNING_LEVELS, type WarningLevel } from '../../../../../shared/domain/disputeStatus';
import { anyCategoryText, servicePointCategoryText, statusText, warningName } from '../../../lib/labels';

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
  const navigate = useNavigate();
  const may = useMayCall();
  const mayOpenCase = may('disputes.detail');
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
      const id = selection.point.id;
      line(box, t('map.popup.dispute', { id: String(id) }), 'gc-map-popup-title');
      line(box, `${anyCategoryText(t, selection.point.subKind ?? '')} · ${warningName(t, w)}`);
      // Who may open the case sees its number, status and deadline, and a link to it.
      if (mayOpenCase) {
        call('disputes.detail', { id }).then(
          (d) => {
            if (!live) return;
            box.replaceChildren();
            const title = document.createElement('a');
            title.className = 'gc-map-popup-title';
            title.href = `#/cases/${id}`;
            title.textContent = d.caseNo;
            title.dataset.testid = 'map-popup-case-link';
            title.addEventListener('click', (e) => {
              e.preventDefault();
              void navigate(`/cases/${id}`);
            });
            box.appendChild(title);
            line(box, `${statusText(t, d.status)} · ${anyCategoryText(t, d.category)} · ${warningName(t, d.warning)}`);
            if (d.deadline) {
              const mark = d.overdue ? t('map.popup.overdue') : d.dueSoon ? t('map.popup.dueSoon') : '';
              line(box, `${t('map.popup.deadline', { date: d.deadline })}${mark}`, d.overdue ? 'gc-map-popup-overdue' : undefined);
            }
            const where = [d.townshipName, d.villageName, d.gridName].filter(Boolean).join(' / ');
            if (where) line(box, where);
            const open = document.createElement('a');
            open.href = `#/cases/${id}`;
            open.textContent = t('map.popup.openCase');
            open.addEventListener('click', (e) => {
              e.preventDefault();
              void navigate(`/cases/${id}`);
            });
            box.appendChild(open);
            popup.update();
          },
          () => {
            // Out of reach (another area, a closed case): the dot's own facts stay.
          },
        );
      }
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
  }, [selection, map, t, i18n.language, mayOpenCase, navigate]);

  return null;
}
