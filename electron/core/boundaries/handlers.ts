import type { DomainImpls } from '../context';
import { importBoundaries } from './importBoundaries';

export const boundaryImpls: DomainImpls<'boundaries'> = {
  'boundaries.import': async (input, ctx) => importBoundaries(ctx, input),
};
