/**
 * Kommun boundaries for the comparison tool's map, read from
 * data/reference/geo/kommuner.geojson (WGS84, properties kn_kod and kn_namn) and
 * checked against the reference list of kommuner: one feature per kommun, codes
 * as 4-digit text, coordinates inside Sweden. The map joins values on kn_kod,
 * so a missing or mistyped code would leave a kommun grey without a word.
 */
import {readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {fail} from "../errors.js";
import {readReference} from "./readReference.js";

// Sweden in WGS84 with a margin: a point outside means the file is not WGS84 (e.g. SWEREF 99 metres).
const LON = [10, 25];
const LAT = [55, 70];

type Position = number[];
type Geometry = {type: "Polygon"; coordinates: Position[][]} | {type: "MultiPolygon"; coordinates: Position[][][]};
interface Feature {
  type: "Feature";
  properties: {kn_kod: string; kn_namn: string};
  geometry: Geometry;
}

export function readKommunGeo(dataDir: string, path = join(dataDir, "reference", "geo", "kommuner.geojson")): {type: "FeatureCollection"; features: Feature[]} {
  const file = relative(dataDir, path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    fail({file}, `not valid JSON (${(error as Error).message}); expected a GeoJSON FeatureCollection`);
  }
  const collection = parsed as {type?: string; features?: unknown[]};
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) fail({file}, `expected a GeoJSON FeatureCollection, found type ${JSON.stringify(collection?.type)}`);

  const reference = readReference(dataDir);
  const names = new Map(reference.kommuner.map((k) => [k.code, k.name]));
  const seen = new Map<string, number>();
  const features: Feature[] = collection.features.map((raw, i) => {
    const feature = raw as {properties?: Record<string, unknown>; geometry?: {type?: string; coordinates?: unknown}};
    const where = {file, column: "kn_kod"};
    const code = feature.properties?.kn_kod;
    if (typeof code !== "string" || !/^\d{4}$/.test(code)) fail(where, `feature ${i + 1}: kn_kod ${JSON.stringify(code)} is not a 4-digit kommunkod as text`);
    if (!names.has(code)) fail(where, `feature ${i + 1}: kn_kod ${code} is not one of the 290 kommuner in reference/kommuner.csv`);
    if (seen.has(code)) fail(where, `feature ${i + 1}: kommun ${code} already has feature ${seen.get(code)! + 1} (expected one feature per kommun)`);
    seen.set(code, i);
    const type = feature.geometry?.type;
    if (type !== "Polygon" && type !== "MultiPolygon") fail({...where, column: "geometry"}, `feature ${i + 1} (${code}): geometry type ${JSON.stringify(type)} (expected Polygon or MultiPolygon)`);
    const visit = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === "number") {
        const [lon, lat] = c as number[];
        if (!(lon! >= LON[0]! && lon! <= LON[1]! && lat! >= LAT[0]! && lat! <= LAT[1]!)) {
          fail({...where, column: "geometry"}, `feature ${i + 1} (${code}): position [${lon}, ${lat}] is outside Sweden in WGS84 (expected longitude ${LON[0]}–${LON[1]}, latitude ${LAT[0]}–${LAT[1]})`);
        }
      } else if (Array.isArray(c)) c.forEach(visit);
      else fail({...where, column: "geometry"}, `feature ${i + 1} (${code}): malformed coordinates`);
    };
    visit(feature.geometry!.coordinates);
    return {type: "Feature", properties: {kn_kod: code, kn_namn: names.get(code)!}, geometry: feature.geometry as Geometry};
  });
  const missing = [...names.keys()].filter((code) => !seen.has(code));
  if (missing.length) fail({file}, `no boundary for ${missing.length} kommun(er): ${missing.slice(0, 5).map((c) => `${c} ${names.get(c)}`).join(", ")}${missing.length > 5 ? ", …" : ""} (expected all 290)`);
  return {type: "FeatureCollection", features};
}
