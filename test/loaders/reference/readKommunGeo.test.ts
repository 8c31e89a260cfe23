// Kommun boundaries for the map, checked against the reference list.
import {cpSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readKommunGeo} from "../../../loaders/reference/readKommunGeo.js";
import {DATA, tempDir} from "../../helpers/dataDir.js";
import {loadError} from "../../helpers/loadError.js";

describe("readKommunGeo", () => {
  it("gives one WGS84 feature per kommun, named from the reference list", () => {
    const geo = readKommunGeo(DATA);
    expect(geo.features).toHaveLength(290);
    expect(geo.features.find((f) => f.properties.kn_kod === "0114")!.properties.kn_namn).toBe("Upplands Väsby");
  });

  it("refuses a boundary file in other coordinates than WGS84, naming the feature", () => {
    const dir = tempDir();
    cpSync(join(DATA, "reference"), join(dir, "reference"), {recursive: true});
    const path = join(dir, "reference", "geo", "kommuner.geojson");
    const geo = JSON.parse(readFileSync(path, "utf8"));
    const first = geo.features[0];
    const ring = first.geometry.type === "Polygon" ? first.geometry.coordinates[0] : first.geometry.coordinates[0][0];
    ring[0] = [674032, 6580821];
    writeFileSync(path, JSON.stringify(geo));
    expect(loadError(() => readKommunGeo(dir)).message).toMatch(/^reference\/geo\/kommuner\.geojson, column geometry: feature 1 \(\d{4}\): position \[674032, 6580821\] is outside Sweden in WGS84/);
  });
});
