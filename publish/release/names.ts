/** Titles and file names of the release files. */
import type {ReleaseModel} from "./releaseModel.js";

export const releaseTitle = (model: Pick<ReleaseModel, "release">): string => `Öppna jämförelser ${model.release} – social barn- och ungdomsvård`;

export const workbookFileName = (release: number): string => `Öppna jämförelser ${release} – resultat per kommun, län och riket.xlsx`;

export const deckFileName = (release: number): string => `Öppna jämförelser ${release} – nationella resultat.pptx`;
