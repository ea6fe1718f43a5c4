import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  chain: readonly string[];
  nameOf(code: string): string | undefined;
  gridName?: string | null;
  onPick(code: string): void;
}

/** City › county › township › village (› grid): every step but the last goes back up to it. */
export function MapBreadcrumb({ chain, nameOf, gridName, onPick }: Props) {
  const { t } = useTranslation();
  const items = chain.map((code, i) => {
    const name = nameOf(code) ?? code;
    const last = i === chain.length - 1 && !gridName;
    return {
      key: code,
      title: last ? (
        <span data-testid={`map-crumb-${code}`} aria-current="location">
          {name}
        </span>
      ) : (
        <a
          href={`#/map?focus=${code}`}
          data-testid={`map-crumb-${code}`}
          onClick={(e) => {
            e.preventDefault();
            onPick(code);
          }}
        >
          {name}
        </a>
      ),
    };
  });
  if (gridName) items.push({ key: 'grid', title: <span data-testid="map-crumb-grid">{gridName}</span> });
  return <Breadcrumb aria-label={t('map.breadcrumb')} data-testid="map-breadcrumb" items={items} />;
}
