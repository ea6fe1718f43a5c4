/**
 * Leaflet, bundled by Vite (no CDN: the CSP allows only our own origin). Import Leaflet from here so
 * the marker-cluster plugin, which extends the global `L`, always runs after Leaflet itself.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';

// Leaflet finds its default icon by parsing a CSS url(); Vite renames (or inlines) the images, so that
// guess fails. Give it the bundled URLs instead (Leaflet/Leaflet#4968).
delete (L.Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl;
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

export { L };
