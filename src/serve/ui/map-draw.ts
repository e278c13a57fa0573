import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

/**
 * The map view's drawing: the world outline (Natural Earth 1:110m from `world-atlas`, bundled: no tile server)
 * projected with d3-geo. A bundle of its own (`/ui/map-draw.js`, imported by map.ts when the view is shown), so that
 * no other view loads the geodata.
 */
const SVG = 'http://www.w3.org/2000/svg';
export const WIDTH = 960;
export const HEIGHT = 500;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });

/** The world outline, projected once per page. */
let outline: string | null = null;
function worldOutline(): string {
  if (outline !== null) return outline;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  outline = geoPath(projection)(feature(topo, topo.objects.countries)) ?? '';
  return outline;
}

/** Where a longitude and latitude fall on the map (null: off it). */
export const project = (lng: number, lat: number): [number, number] | null => projection([lng, lat]);

/** The map's land, as an SVG path. */
export const land = (): SVGPathElement => svg('path', { class: 'land', d: worldOutline() });
