import { useMemo } from 'react';
import { Select } from 'antd';
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

/** Mediators with their committee and open-case load, least loaded first (as the core sorts them). */
export function MediatorSelect({ value, onChange, divisionCode, style, id, status, ...rest }: Props) {
  const { t } = useTranslation();
  const mediators = useCall('disputes.mediators', divisionCode ? { divisionCode } : {});
  const list = useMemo(() => mediators.data?.mediators ?? [], [mediators.data]);
  // Thousands of mediators in a city: build the options once per answer, not on every render of the page.
  const options = useMemo(
    () =>
      list.map((m) => ({
        value: m.personId,
        search: `${m.name} ${m.orgName ?? ''}`,
        label: t('queue.mediatorOption', { name: m.name, org: m.orgName ?? t('queue.noOrg'), count: m.openCases }),
      })),
    [list, t],
  );
  return (
    <Select<number>
      id={id}
      status={status}
      aria-label={rest['aria-label']}
      data-testid="mediator-select"
      style={style}
      allowClear
      showSearch={{ optionFilterProp: 'search' }}
      loading={mediators.loading}
      placeholder={t('queue.filter.mediator')}
      value={value}
      popupMatchSelectWidth={false}
      onChange={(id) => onChange(id, list.find((m) => m.personId === id))}
      options={options}
    />
  );
}
