/**
 * Leaflet, bundled by Vite (no CDN: the CSP allows only our own origin). Service points are clustered by
 * our own code (pointClusters.ts), not by the marker-cluster plugin.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';

// Leaflet finds its default icon by parsing a CSS url(); Vite renames (or inlines) the images, so that
// guess fails. Give it the bundled URLs instead (Leaflet/Leaflet#4968).
delete (L.Icon.Default.prototype as unknown as { _getIconUrl?: unknown })._getIconUrl;
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

export { L };
