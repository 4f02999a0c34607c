import 'leaflet/dist/leaflet.css';
import './visit-map.css';
import { latLngBounds, type Map as LeafletMap } from 'leaflet';
import { useEffect, useRef } from 'react';
import { CircleMarker, MapContainer, Polyline, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { useMapConfig } from '../api';

export interface MapPoint { id: string; lat: number; lng: number; label: string; color: string; order?: number }

function fit(map: LeafletMap, points: readonly MapPoint[]) {
  if (points.length === 0) return;
  if (points.length === 1) map.setView([points[0]!.lat, points[0]!.lng], 13, { animate: false });
  else map.fitBounds(latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])), { padding: [28, 28], maxZoom: 15, animate: false });
}

/** Keeps the view on the points: refits when they change and when the container is resized (the layout settles after the first paint). */
function FitBounds({ points }: { points: readonly MapPoint[] }) {
  const map = useMap();
  const latest = useRef(points);
  latest.current = points;
  const key = points.map((p) => `${p.lat},${p.lng}`).join(';');
  useEffect(() => {
    map.invalidateSize();
    fit(map, latest.current);
  }, [key, map]);
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      map.invalidateSize();
      fit(map, latest.current);
    });
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/**
 * A map of points and an optional route line. Points are vector circles and the route a polyline,
 * so everything still shows on a blank background when the tile server (configurable) cannot be
 * reached — an intranet without internet, or a blocked host.
 */
export function VisitMap({ points, route, height = 420 }: { points: readonly MapPoint[]; route?: readonly [number, number][]; height?: number | string }) {
  const config = useMapConfig();
  const centre: [number, number] = points[0] ? [points[0].lat, points[0].lng] : [31.2304, 121.4737];
  return (
    <div data-testid="visit-map" style={{ height, width: '100%', borderRadius: 8, overflow: 'hidden', border: '1px solid #e5e7eb', background: '#eef2f5' }}>
      <MapContainer center={centre} zoom={11} style={{ height: '100%', width: '100%', background: '#eef2f5' }} scrollWheelZoom={false}>
        {config.data?.tileUrl ? <TileLayer url={config.data.tileUrl} attribution={config.data.attribution} /> : null}
        {route && route.length > 1 ? <Polyline positions={route as [number, number][]} pathOptions={{ color: '#1677ff', weight: 4, opacity: 0.8 }} /> : null}
        {points.map((p) => (
          <CircleMarker key={p.id} center={[p.lat, p.lng]} radius={p.order ? 11 : 6}
            pathOptions={{ color: '#ffffff', weight: 2, fillColor: p.color, fillOpacity: 0.95 }}>
            {p.order !== undefined ? (
              <Tooltip direction="center" permanent className="kairos-map-order" opacity={1}>{p.order}</Tooltip>
            ) : <Tooltip direction="top" offset={[0, -6]}>{p.label}</Tooltip>}
          </CircleMarker>
        ))}
        <FitBounds points={points.some((p) => p.order !== undefined) ? points.filter((p) => p.order !== undefined) : points} />
      </MapContainer>
    </div>
  );
}
