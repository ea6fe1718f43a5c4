import { useEffect, useMemo, useState } from 'react';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutputOf } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { statusText } from '../../../lib/labels';
import type { IntakeValues } from './intakeValues';

type Duplicate = OutputOf<'disputes.findDuplicates'>['duplicates'][number];

/**
 * As the clerk types: open cases in the same grid (or village) with any of these parties. A hint, not a
 * block — the core refuses a duplicate at save unless the clerk confirms it.
 */
export function DuplicateWarning({ extra }: { extra?: readonly Duplicate[] }) {
  const { t } = useTranslation();
  const v = Form.useWatch<IntakeValues | undefined>([]);
  const [found, setFound] = useState<Duplicate[]>([]);

  const gridId = v?.place?.gridId;
  const villageCode = v?.place?.villageCode;
  const parties = (v?.parties ?? [])
    .map((p) => ({ name: p.name?.trim() || undefined, idNumber: p.idNumber?.trim() || undefined, phone: p.phone?.trim() || undefined }))
    .filter((p) => (p.idNumber && p.idNumber.length === 18) || (p.name && p.phone));
  const key = JSON.stringify({ gridId, villageCode, parties });
  // Compared by value: the watched form values are new objects on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const query = useMemo(() => ({ gridId, villageCode, parties }), [key]);

  useEffect(() => {
    const q = query;
    if ((q.gridId === undefined && q.villageCode === undefined) || q.parties.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      call('disputes.findDuplicates', q).then(
        (res) => live && setFound(res.duplicates),
        () => undefined,
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const list = [...(extra ?? []), ...found.filter((d) => !extra?.some((e) => e.id === d.id))];
  if (parties.length === 0 || list.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="intake-duplicates"
      title={t('intake.duplicates.title', { count: list.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {list.map((d) => (
            <li key={d.id}>
              <Link to={`/cases/${d.id}`} target="_blank">
                {d.caseNo}
              </Link>{' '}
              {statusText(t, d.status)} · {d.matchedParty} · {d.reason}
            </li>
          ))}
        </ul>
      }
    />
  );
}
