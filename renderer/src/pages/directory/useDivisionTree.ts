import { useMemo } from 'react';
import { useCall } from '../../hooks/useCall';
import { buildDivisionTree, type DivisionRow } from '../divisions/divisionTree';

/** The account's divisions down to villages, as the tree the division pickers show. */
export function useDivisionTree() {
  const tree = useCall('divisions.tree', { depth: 'village' });
  const built = useMemo(() => buildDivisionTree(tree.data?.nodes ?? []), [tree.data]);
  return { roots: built.roots as DivisionRow[], byCode: built.byCode, error: tree.error, loading: tree.loading };
}
