// Framework data loader: Öppna jämförelser 2016, the Excel file with results per kommun, län and riket (survey 2016).
import {emitReleaseFile} from "../../../loaders/release/buildRelease.js";

await emitReleaseFile("xlsx", {year: 2016});
