/**
 * One entry point for both ways of making the release files: the Framework
 * data loaders in src/data/release/ (part of the site build) and the command
 * `npx tsx scripts/release.ts --year <år> --out <mapp>`. Both read the Parquet
 * tables the pipeline builds (ensureTables) unless given another folder.
 */
import {join} from "node:path";
import {ensureTables, PROJECT_ROOT} from "../tables.js";
import {buildDeck} from "./buildDeck.js";
import {buildWorkbook} from "./buildWorkbook.js";
import {deckFileName, workbookFileName} from "./names.js";
import {buildTime, provenanceOf} from "./provenance.js";
import {loadReleaseModel, readMetadataOrder, type ReleaseModel} from "./releaseModel.js";
import {openTableSet} from "./tableSet.js";

/**
 * The data in data/ are a generated sample (the site says so in its header and
 * footer); files built from them say so too. Pass `notice: null` for real data.
 */
export const SAMPLE_NOTICE = "Exempeldata: enkätsvar och registervärden är genererade för att likna de publicerade resultaten; de är inte verkliga uppgifter.";

export type ReleaseKind = "xlsx" | "pptx";

export interface ReleaseOptions {
  /** Survey year. */
  year: number;
  /** Release year in titles and file names (the 2014 release holds the 2013 survey); defaults to `year`. */
  release?: number;
  /** Folder with the Parquet tables; defaults to the pipeline's build of data/. */
  tablesDir?: string;
  /** Where data/indicators.json gives the order of indicators and themes. */
  dataDir?: string;
  notice?: string | null;
  builtAt?: Date;
  kinds?: ReleaseKind[];
}

export interface ReleaseFile {
  kind: ReleaseKind;
  name: string;
  bytes: Buffer;
}

export interface BuiltRelease {
  model: ReleaseModel;
  digest: string;
  files: ReleaseFile[];
}

export async function buildRelease({year, release = year, tablesDir, dataDir = join(PROJECT_ROOT, "data"), notice = SAMPLE_NOTICE, builtAt = buildTime(), kinds = ["xlsx", "pptx"]}: ReleaseOptions): Promise<BuiltRelease> {
  const tables = await openTableSet(tablesDir ?? (await ensureTables()));
  try {
    const model = await loadReleaseModel(tables.query, {year, release, order: readMetadataOrder(dataDir)});
    const provenance = provenanceOf(tables, builtAt);
    const files: ReleaseFile[] = [];
    if (kinds.includes("xlsx")) files.push({kind: "xlsx", name: workbookFileName(release), bytes: await buildWorkbook(model, provenance, {notice: notice ?? undefined})});
    if (kinds.includes("pptx")) files.push({kind: "pptx", name: deckFileName(release), bytes: (await buildDeck(model, tables.query, provenance, {notice: notice ?? undefined})).bytes});
    return {model, digest: tables.digest, files};
  } finally {
    tables.close();
  }
}

/** One release file's bytes (what a Framework data loader writes to stdout). */
export async function releaseFile(kind: ReleaseKind, options: Omit<ReleaseOptions, "kinds">): Promise<Buffer> {
  const {files} = await buildRelease({...options, kinds: [kind]});
  return files[0]!.bytes;
}
