/**
 * Colours of the map: the measure scales of the grid fill, the three-colour warning of disputes and one
 * colour per service-point category. Hand-picked so the warning colours stay readable over any fill.
 */
import type { WarningLevel } from '../../../../shared/domain/disputeStatus';

export type Measure = 'openDisputes' | 'redWarnings' | 'population';
export const MEASURES: readonly Measure[] = ['openDisputes', 'redWarnings', 'population'];

/** Sequential scales, light to dark (ColorBrewer YlOrRd, Reds, Blues; 5 classes). */
const SCALES: Record<Measure, readonly string[]> = {
  openDisputes: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  redWarnings: ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'],
  population: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
};

/** The fill of a feature whose measure is zero (nothing to see there). */
export const ZERO_FILL = '#f4f4f0';

export const WARNING_COLORS: Record<WarningLevel, string> = {
  none: '#8c8c8c',
  blue: '#1677ff',
  yellow: '#faad14',
  red: '#f5222d',
};

export const CATEGORY_COLORS: Record<string, string> = {
  governance_center: '#722ed1',
  legal_center: '#13a8a8',
  legal_station: '#08979c',
  legal_point: '#36cfc9',
  legal_volunteer: '#87e8de',
  counseling_room: '#eb2f96',
  grid_counseling: '#ff85c0',
  patrol_team: '#52c41a',
  police_room: '#2f54eb',
};
export const OTHER_CATEGORY_COLOR = '#595959';

export interface ColorClass {
  /** Inclusive lower and upper bound of the values in this class. */
  from: number;
  to: number;
  color: string;
}

export interface ColorScale {
  classes: ColorClass[];
  colorOf(value: number): string;
}

/**
 * Quantile classes over the non-zero values (zero gets its own pale fill), so a few very large grids do
 * not wash out the rest. Fewer classes when there are few distinct values.
 */
export function quantileScale(measure: Measure, values: readonly number[]): ColorScale {
  const palette = SCALES[measure];
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  const uppers: number[] = [];
  for (let i = 1; i <= palette.length && sorted.length > 0; i++) {
    const upper = sorted[Math.min(sorted.length - 1, Math.ceil((i / palette.length) * sorted.length) - 1)]!;
    if (uppers.length === 0 || upper > uppers[uppers.length - 1]!) uppers.push(upper);
  }
  // Spread the colours we use over the whole palette so two classes are still light vs dark.
  const colorAt = (i: number) => palette[uppers.length === 1 ? palette.length - 1 : Math.round((i * (palette.length - 1)) / (uppers.length - 1))]!;
  const classes: ColorClass[] = uppers.map((to, i) => ({ from: i === 0 ? (sorted[0] ?? 1) : uppers[i - 1]! + 1, to, color: colorAt(i) }));
  return {
    classes,
    colorOf(value: number): string {
      if (!(value > 0)) return ZERO_FILL;
      for (const c of classes) if (value <= c.to) return c.color;
      return classes[classes.length - 1]?.color ?? ZERO_FILL;
    },
  };
}
