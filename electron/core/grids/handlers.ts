import type { DomainImpls } from '../context';
import { gridCard } from './card';

export const gridImpls: DomainImpls<'grids'> = {
  'grids.card': async ({ gridId, code, nearbyRadiusM }, ctx) => gridCard(ctx, { gridId, code }, nearbyRadiusM),
};
