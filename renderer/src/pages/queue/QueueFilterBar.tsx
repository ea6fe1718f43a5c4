import { memo, useState, type ReactNode } from 'react';
import { Badge, Button, Checkbox, DatePicker, Flex, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
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

/** The conditions behind the "more filters" button (the compact bar shows the rest). */
const MORE_KEYS = ['sources', 'mediatorId', 'registeredFrom', 'registeredTo', 'dueSoon', 'assignedToMe'] as const satisfies ReadonlyArray<keyof QueueFilter>;

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab moves through the range picker's two fields and on to the next control, as everywhere else: the
 * picker itself sends the focus back to an empty 登记起 (it refocuses its open field), which trapped the
 * keyboard there. Typed dates still take effect with Enter.
 */
function leaveOnTab(e: React.KeyboardEvent<HTMLElement>, close: () => void): void {
  if (e.key !== 'Tab' || e.shiftKey || !(e.target instanceof HTMLInputElement)) return;
  const box = e.currentTarget;
  const inputs = [...box.querySelectorAll('input')];
  const at = inputs.indexOf(e.target);
  // The calendar closes first: while it is open the picker keeps the focus on its empty field.
  close();
  const next: HTMLElement | undefined =
    inputs[at + 1] ??
    [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
      (el) => !box.contains(el) && box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && el.offsetParent !== null,
    );
  if (!next) return;
  e.preventDefault();
  e.stopPropagation();
  const target = next;
  // After the picker has handled its own blur and closed (it would take the focus back), and once more
  // should its closing have pulled the focus back after that.
  window.setTimeout(() => target.focus(), 0);
  window.setTimeout(() => {
    if (document.activeElement !== target && box.contains(document.activeElement)) target.focus();
  }, 120);
}

function moreCount(filter: QueueFilter): number {
  const dates = filter.registeredFrom || filter.registeredTo ? 1 : 0;
  const others = MORE_KEYS.filter((k) => k !== 'registeredFrom' && k !== 'registeredTo').filter((k) => {
    const v = filter[k];
    return v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0);
  }).length;
  return others + dates;
}

/** Drop a key whose value is empty, so the view (and a saved view) carries only real conditions. */
function withValue<K extends keyof QueueFilter>(filter: QueueFilter, key: K, value: QueueFilter[K]): QueueFilter {
  const next = { ...filter };
  const empty = value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * The queue's pick-list filters (all applied in the core), in one compact row for a 1366×768 screen:
 * `leading` (the quick search), status, category, colour, place, overdue, then "more filters" (source,
 * mediator, dates, due soon, mine: a second row while open, or while one of them is set) and `trailing`.
 */
export const QueueFilterBar = memo(function QueueFilterBar({ filter, onChange, leading, trailing }: Props & { leading?: ReactNode; trailing?: ReactNode }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [showMore, setShowMore] = useState(false);
  const [datesOpen, setDatesOpen] = useState(false);
  const set = <K extends keyof QueueFilter>(key: K, value: QueueFilter[K]) => onChange(withValue(filter, key, value));
  const setPlace = (p: Place) => {
    let next = { ...filter };
    for (const k of ['countyCode', 'townshipCode', 'villageCode', 'gridId'] as const) delete next[k];
    for (const [k, v] of Object.entries(p)) if (v !== undefined) next = { ...next, [k]: v };
    onChange(next);
  };
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { width: 140 } };
  const more = moreCount(filter);
  const open = showMore || more > 0;

  return (
    <Flex vertical gap={8} data-testid="queue-filters">
      <Flex gap={8} align="center" wrap>
        {leading}
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
          style={{ width: 120 }}
          aria-label={t('queue.filter.warning')}
          data-testid="filter-warning"
          placeholder={t('queue.filter.warning')}
          value={filter.warnings ?? []}
          onChange={(v) => set('warnings', v)}
          options={WARNING_LEVELS.map((w) => ({ value: w, label: warningText(t, w) }))}
        />
        <DivisionPicker
          aria-label={t('queue.filter.place')}
          style={{ width: 180 }}
          value={{ countyCode: filter.countyCode, townshipCode: filter.townshipCode, villageCode: filter.villageCode, gridId: filter.gridId }}
          onChange={setPlace}
        />
        <Checkbox data-testid="filter-overdue" checked={filter.overdue === true} onChange={(e) => set('overdue', e.target.checked)}>
          {t('queue.filter.overdue')}
        </Checkbox>
        <Badge count={more} size="small" offset={[-4, 2]}>
          <Button
            icon={<FilterOutlined />}
            data-testid="queue-more-filters"
            aria-expanded={open}
            aria-controls="queue-more-filters"
            type={open ? 'default' : 'text'}
            onClick={() => setShowMore((v) => !v)}
          >
            {t('queue.moreFilters')}
          </Button>
        </Badge>
        {trailing}
      </Flex>
      {open && (
        <Flex gap={8} align="center" wrap id="queue-more-filters" data-testid="queue-more-panel">
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
          {may('disputes.mediators') && (
            <MediatorSelect
              style={{ width: 180 }}
              aria-label={t('queue.filter.mediator')}
              value={filter.mediatorId}
              onChange={(id) => set('mediatorId', id)}
            />
          )}
          {/* Tab goes on through the fields and out (see leaveOnTab). */}
          <span onKeyDownCapture={(e) => leaveOnTab(e, () => setDatesOpen(false))} style={{ display: 'inline-flex' }}>
            <DatePicker.RangePicker
              aria-label={t('queue.filter.registered')}
              data-testid="filter-registered"
              open={datesOpen}
              onOpenChange={setDatesOpen}
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
          </span>
          <QueueFilterFlags filter={filter} onChange={onChange} />
        </Flex>
      )}
    </Flex>
  );
});

/** The yes/no conditions behind "more filters": due soon, assigned to me (overdue is on the main row). */
export function QueueFilterFlags({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const { role } = useAccount();
  const set = <K extends keyof QueueFilter>(key: K, value: QueueFilter[K]) => onChange(withValue(filter, key, value));
  return (
    <Flex gap={4} align="center">
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
