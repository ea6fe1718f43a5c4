import type { DemoGeography } from './geo/hierarchy';
import { randomPointInCell } from './geo/mesh';
import { PlaceNamer } from './geo/placeNames';
import type { Rng } from './random';

/** A located spot: a point inside a grid, with the grid and the divisions it lies in. */
export interface Spot {
  grid: number;
  village: number;
  township: number;
  county: number;
  /** Micro-degrees. */
  lon: number;
  lat: number;
}

/**
 * Points and street addresses inside the demo geography. Every point is drawn inside a grid cell, so it is
 * inside that grid's village, township and county as well.
 */
export class Places {
  private readonly roads: PlaceNamer;

  constructor(
    readonly geo: DemoGeography,
    private readonly rng: Rng,
  ) {
    this.roads = new PlaceNamer(rng);
  }

  spotInGrid(grid: number): Spot {
    const g = this.geo.grids[grid]!;
    const [lon, lat] = randomPointInCell(this.geo.cells.graph.mesh, g.cell, this.rng);
    return { grid, village: g.village, township: g.township, county: g.county, lon, lat };
  }

  /** A point in one of the division's grids (its seat grid with probability `atSeat`). */
  spotInDivision(cells: readonly number[], seatCell: number, atSeat = 0): Spot {
    const cell = this.rng.chance(atSeat) ? seatCell : this.rng.pick(cells);
    return this.spotInGrid(this.geo.gridOfCell[cell]!);
  }

  /** 枫林县石塘镇桃湾村3组 / 溪城区书院街道和平社区人民路128号 */
  address(spot: Spot, withCounty = true): string {
    const v = this.geo.villages[spot.village]!;
    const t = this.geo.townships[spot.township]!;
    const c = this.geo.counties[spot.county]!;
    const head = (withCounty ? c.name : '') + t.name + v.name;
    if (v.kind === 'community') return `${head}${this.roads.road()}${this.rng.int(1, 360)}号`;
    return `${head}${this.rng.int(1, 16)}组`;
  }
}
