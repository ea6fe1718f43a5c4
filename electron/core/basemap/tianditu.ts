/**
 * 天地图 (Tianditu), the online WMTS base map: the only network the console may reach, and only while an
 * admin has it on with a key. Its hosts are named here once, for the tile URLs, the page's CSP and the
 * desktop's network filter.
 */

/** The WMTS hosts t0 … t7 (Leaflet's {s} subdomains in the URL template). */
export const TIANDITU_TILE_HOSTS: readonly string[] = Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`);

/**
 * A Leaflet URL template for one layer (CGCS2000 ≈ WGS-84, the datum we store: no offset). Built only
 * when the layer is on, so no tile is requested from the network otherwise.
 */
export function tiandituTileUrl(layer: string, key: string): string {
  return `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`;
}

/** Is this URL one of the 天地图 tile hosts? (The desktop admits it only while the layer is on.) */
export function isTiandituTileUrl(url: string): boolean {
  try {
    return TIANDITU_TILE_HOSTS.includes(new URL(url).origin);
  } catch {
    return false;
  }
}
