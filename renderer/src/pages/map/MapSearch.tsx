import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/contract/map';
import { call } from '../../api/client';

const DEBOUNCE_MS = 250;

/** Search by grid code, division name or service-point name; picking a hit hands it to the page. */
export function MapSearch({ onPick }: { onPick(hit: SearchHit): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    const mine = ++seq.current;
    if (!q) return;
    const timer = setTimeout(() => {
      call('map.search', { q, limit: 20 }).then(
        (r) => {
          if (mine === seq.current) setHits(r.hits);
        },
        () => {
          if (mine === seq.current) setHits([]);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const options = (text.trim() ? hits : []).map((h, i) => ({
    value: `${i}`,
    label: (
      <div className="gc-map-hit" data-testid={`map-hit-${h.kind}-${h.key}`}>
        <Tag color={h.kind === 'grid' ? 'blue' : h.kind === 'division' ? 'green' : 'purple'}>{t(`map.search.kind.${h.kind}`)}</Tag>
        <span className="gc-map-hit-name">{h.name}</span>
        {h.kind === 'grid' && <span className="gc-mono gc-map-hit-code">{h.key}</span>}
        <div className="gc-map-hit-context">{h.context}</div>
      </div>
    ),
  }));

  return (
    <AutoComplete
      className="gc-map-search"
      options={options}
      value={text}
      onChange={(v: string) => setText(v)}
      onSelect={(v: string) => {
        const hit = hits[Number(v)];
        if (hit) {
          setText(hit.name);
          onPick(hit);
        }
      }}
      notFoundContent={text.trim() && hits.length === 0 ? t('map.search.none') : null}
      popupMatchSelectWidth={380}
    >
      <Input.Search allowClear placeholder={t('map.search.placeholder')} aria-label={t('map.search.label')} data-testid="map-search" />
    </AutoComplete>
  );
}
