/**
 * The shapes a JSON-stat response comes in, brought to one: a 2.0 dataset, a
 * 2.0 collection whose items embed datasets, a 2.0 bundle, and a 1.x bundle
 * (older PxWeb endpoints), where each dataset keeps "id", "size" and "role"
 * inside "dimension". A document holding several datasets must say which one
 * a source reads.
 */
import {describeValue, fail, isRecord, listAnd, quote} from "../../errors.js";

export interface RawDataset {
  /** The dataset's key in a bundle, its label in a collection, or "dataset". */
  name: string;
  label?: string;
  version: "1.x" | "2.0";
  ids: unknown;
  sizes: unknown;
  dimension: Record<string, unknown>;
  role: Record<string, unknown>;
  value: unknown;
  status: unknown;
}

function dataset2(name: string, doc: Record<string, unknown>): RawDataset {
  return {
    name,
    label: typeof doc.label === "string" ? doc.label : undefined,
    version: "2.0",
    ids: doc.id,
    sizes: doc.size,
    dimension: isRecord(doc.dimension) ? doc.dimension : {},
    role: isRecord(doc.role) ? doc.role : {},
    value: doc.value,
    status: doc.status
  };
}

function dataset1(name: string, doc: Record<string, unknown>): RawDataset {
  const dimension = isRecord(doc.dimension) ? doc.dimension : {};
  return {
    name,
    label: typeof doc.label === "string" ? doc.label : undefined,
    version: "1.x",
    ids: dimension.id,
    sizes: dimension.size,
    dimension,
    role: isRecord(dimension.role) ? dimension.role : {},
    value: doc.value,
    status: doc.status
  };
}

const looksLike1x = (v: unknown): v is Record<string, unknown> => isRecord(v) && isRecord(v.dimension) && "id" in v.dimension;

export function datasetsOf(file: string, doc: unknown): RawDataset[] {
  if (!isRecord(doc)) return fail({file}, `expected a JSON-stat dataset (a JSON object), found ${describeValue(doc)}`);
  if (doc.class === "dataset") {
    if (!("dimension" in doc) && isRecord(doc.link)) fail({file}, `the dataset has no "dimension", only links: expected a dataset with its data embedded`);
    return [dataset2(typeof doc.label === "string" ? doc.label : "dataset", doc)];
  }
  if (doc.class === "collection") {
    const items = isRecord(doc.link) && Array.isArray(doc.link.item) ? doc.link.item : undefined;
    if (!items) fail({file}, `a JSON-stat collection without "link.item": expected the datasets it collects`);
    return items.map((item, i) => {
      if (!isRecord(item) || item.class !== "dataset" || !isRecord(item.dimension)) {
        const href = isRecord(item) && typeof item.href === "string" ? ` (${item.href})` : "";
        return fail({file}, `collection item ${i + 1}${href} only links to a ${isRecord(item) && typeof item.class === "string" ? item.class : "resource"}: expected datasets embedded in the collection; fetch the dataset itself`);
      }
      return dataset2(typeof item.label === "string" ? item.label : `item ${i + 1}`, item);
    });
  }
  if (doc.class === "bundle" || doc.class === undefined) {
    const entries = Object.entries(doc).filter(([key, v]) => key !== "class" && key !== "version" && isRecord(v));
    const datasets = entries.flatMap(([key, v]) => (looksLike1x(v) ? [dataset1(key, v)] : isRecord(v) && "id" in v && "dimension" in v ? [dataset2(key, v)] : []));
    if (datasets.length > 0) return datasets;
  }
  return fail({file}, `expected a JSON-stat 2.0 dataset ("class": "dataset"), a collection or a bundle, found class ${quote(doc.class)}`);
}

/** The one dataset a source reads: the only one, or the one it names by key or label. */
export function pickDataset(file: string, doc: unknown, wanted: string | undefined): RawDataset {
  const datasets = datasetsOf(file, doc);
  if (wanted !== undefined) {
    const found = datasets.find((d) => d.name === wanted) ?? datasets.find((d) => d.label === wanted);
    if (!found) fail({file}, `has no dataset ${quote(wanted)}: it holds ${listAnd(datasets.map((d) => quote(d.name)))}`);
    return found;
  }
  if (datasets.length === 1) return datasets[0]!;
  const described = datasets.map((d) => `${quote(d.name)}${d.label && d.label !== d.name ? ` (${d.label})` : ""}`);
  return fail({file}, `holds ${datasets.length} datasets, ${listAnd(described)}: declare which one the source reads ("dataset" in data/sources.json)`);
}
