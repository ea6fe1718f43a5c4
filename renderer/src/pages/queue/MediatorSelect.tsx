import { useEffect, useMemo, useState } from 'react';
import { Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';

export type MediatorOption = {
  personId: number;
  name: string;
  orgId: number | null;
  orgName: string | null;
  openCases: number;
};

interface Props {
  value: number | undefined;
  onChange(personId: number | undefined, mediator: MediatorOption | undefined): void;
  /** Mediators who can take cases in this division (default: the node's). */
  divisionCode?: string | undefined;
  style?: React.CSSProperties;
  'aria-label'?: string;
  id?: string;
  status?: 'error';
}

/** How many the picker shows before one types (the least loaded first); a search asks the core over all of them. */
const PAGE = 500;
const FOUND = 100;

/** Wait for a pause in typing before asking the core. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Mediators with their committee and open-case load, least loaded first (as the core sorts them). Typing
 * searches name and committee in the core across every mediator of the area, not only the first page.
 */
export function MediatorSelect({ value, onChange, divisionCode, style, id, status, ...rest }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim(), 250);
  const mediators = useCall('disputes.mediators', {
    ...(divisionCode ? { divisionCode } : {}),
    ...(search ? { search } : {}),
    ...(value !== undefined ? { include: [value] } : {}),
    limit: search ? FOUND : PAGE,
  });
  const list = useMemo(() => mediators.data?.mediators ?? [], [mediators.data]);
  const total = mediators.data?.total ?? 0;
  const options = useMemo(
    () =>
      list.map((m) => ({
        value: m.personId,
        // The closed select shows the plain text; the open list shows the load as a tag beside the name.
        label: t('queue.mediatorOption', { name: m.name, org: m.orgName ?? t('queue.noOrg'), count: m.openCases }),
        title: t('queue.mediatorOption', { name: m.name, org: m.orgName ?? t('queue.noOrg'), count: m.openCases }),
        mediator: m,
      })),
    [list, t],
  );
  const more = !search && total > PAGE;
  return (
    <Select<number, (typeof options)[number]>
      id={id}
      status={status}
      aria-label={rest['aria-label']}
      data-testid="mediator-select"
      style={style}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      loading={mediators.loading}
      placeholder={t('queue.filter.mediator')}
      notFoundContent={mediators.loading ? t('queue.mediatorSearching') : undefined}
      value={value}
      popupMatchSelectWidth={false}
      onChange={(picked, option) => {
        setTyped('');
        onChange(picked, option && !Array.isArray(option) ? option.mediator : undefined);
      }}
      onOpenChange={(open) => {
        if (!open) setTyped('');
      }}
      options={options}
      optionRender={(o) => {
        const m = o.data.mediator;
        return (
          <Flex justify="space-between" gap={12} data-testid="mediator-option">
            <span>
              {m.name} <Typography.Text type="secondary">· {m.orgName ?? t('queue.noOrg')}</Typography.Text>
            </span>
            <Tag color={m.openCases >= 8 ? 'orange' : m.openCases === 0 ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
              {t('queue.mediatorLoad', { count: m.openCases })}
            </Tag>
          </Flex>
        );
      }}
      popupRender={(menu) => (
        <>
          {menu}
          {more && (
            <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }} data-testid="mediator-more">
              {t('queue.mediatorMore', { shown: String(PAGE), total: String(total) })}
            </Typography.Text>
          )}
        </>
      )}
    />
  );
}
