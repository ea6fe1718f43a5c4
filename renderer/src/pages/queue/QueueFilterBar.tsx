import { memo } from 'react';
import { Checkbox, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../../../../shared/contract';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUSES, WARNING_LEVELS } from '../../../../shared/domain/disputeStatus';
import { roleTakesAction } from '../../../../shared/domain/workflow';
import { useAccount, useMayCall } from '../../session/sessionContext';
import { DivisionPicker, type Place } from './DivisionPicker';
import { MediatorSelect } from './MediatorSelect';
import { categoryText, sourceText, statusText, warningText } from '../../lib/labels';

interface Props {
  filter: QueueFilter;
  onChange(filter: QueueFilter): void;
}

/** Drop a key whose value is empty, so the view (and a saved view) carries only real conditions. */
function withValue<K extends keyof QueueFilter>(filter: QueueFilter, key: K, value: QueueFilter[K]): QueueFilter {
  const next = { ...filter };
  const empty = value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

/** The queue's pick-list filters (all applied in the core): status, category, colour, source, place, mediator, dates. */
export const QueueFilterBar = memo(function QueueFilterBar({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const may = useMayCall();
  const set = <K extends keyof QueueFilter>(key: K, value: QueueFilter[K]) => onChange(withValue(filter, key, value));
  const setPlace = (p: Place) => {
    let next = { ...filter };
    for (const k of ['countyCode', 'townshipCode', 'villageCode', 'gridId'] as const) delete next[k];
    for (const [k, v] of Object.entries(p)) if (v !== undefined) next = { ...next, [k]: v };
    onChange(next);
  };
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { width: 160 } };

  return (
    <Flex wrap gap={8} align="center" data-testid="queue-filters">
      <Select
        {...multi}
        aria-label={t('queue.filter.status')}
        data-testid="filter-status"
        placeholder={t('queue.filter.status')}
        value={filter.statuses ?? []}
        onChange={(v) => set('statuses', v)}
        options={DISPUTE_STATUSES.map((s) => ({ value: s, label: statusText(t, s) }))}
      />
      <Select
        {...multi}
        aria-label={t('queue.filter.category')}
        data-testid="filter-category"
        placeholder={t('queue.filter.category')}
        value={filter.categories ?? []}
        onChange={(v) => set('categories', v)}
        options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: categoryText(t, c) }))}
      />
      <Select
        {...multi}
        style={{ width: 150 }}
        aria-label={t('queue.filter.warning')}
        data-testid="filter-warning"
        placeholder={t('queue.filter.warning')}
        value={filter.warnings ?? []}
        onChange={(v) => set('warnings', v)}
        options={WARNING_LEVELS.map((w) => ({ value: w, label: warningText(t, w) }))}
      />
      <Select
        {...multi}
        style={{ width: 150 }}
        aria-label={t('queue.filter.source')}
        data-testid="filter-source"
        placeholder={t('queue.filter.source')}
        value={filter.sources ?? []}
        onChange={(v) => set('sources', v)}
        options={DISPUTE_SOURCES.map((s) => ({ value: s, label: sourceText(t, s) }))}
      />
      <DivisionPicker
        aria-label={t('queue.filter.place')}
        style={{ width: 240 }}
        value={{ countyCode: filter.countyCode, townshipCode: filter.townshipCode, villageCode: filter.villageCode, gridId: filter.gridId }}
        onChange={setPlace}
      />
      {may('disputes.mediators') && (
        <MediatorSelect
          style={{ width: 150 }}
          aria-label={t('queue.filter.mediator')}
          value={filter.mediatorId}
          onChange={(id) => set('mediatorId', id)}
        />
      )}
      <DatePicker.RangePicker
        aria-label={t('queue.filter.registered')}
        data-testid="filter-registered"
        placeholder={[t('queue.filter.registeredFrom'), t('queue.filter.registeredTo')]}
        format="YYYY-MM-DD"
        style={{ width: 230 }}
        value={[filter.registeredFrom ? dayjs(filter.registeredFrom) : null, filter.registeredTo ? dayjs(filter.registeredTo) : null]}
        onChange={(range) => {
          const from = range?.[0]?.format('YYYY-MM-DD');
          const to = range?.[1]?.format('YYYY-MM-DD');
          let next = withValue(filter, 'registeredFrom', from);
          next = withValue(next, 'registeredTo', to);
          onChange(next);
        }}
      />
    </Flex>
  );
});

/** The yes/no conditions (overdue, due soon, assigned to me), next to the quick search. */
export function QueueFilterFlags({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const { role } = useAccount();
  const set = <K extends keyof QueueFilter>(key: K, value: QueueFilter[K]) => onChange(withValue(filter, key, value));
  return (
    <Flex gap={4} align="center">
      <Checkbox data-testid="filter-overdue" checked={filter.overdue === true} onChange={(e) => set('overdue', e.target.checked)}>
        {t('queue.filter.overdue')}
      </Checkbox>
      <Checkbox data-testid="filter-due-soon" checked={filter.dueSoon === true} onChange={(e) => set('dueSoon', e.target.checked)}>
        {t('queue.filter.dueSoon')}
      </Checkbox>
      {/* Cases are assigned to the roles that carry a mediation (not leaders, not grid workers). */}
      {roleTakesAction(role, 'startMediation') && (
        <Checkbox
          data-testid="filter-mine"
          checked={filter.assignedToMe === true}
          onChange={(e) => set('assignedToMe', e.target.checked)}
        >
          {t('queue.filter.assignedToMe')}
        </Checkbox>
      )}
    </Flex>
  );
}
