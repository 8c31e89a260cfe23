// Framework data loader: Öppna jämförelser 2016, the Excel file with results per kommun, län and riket (survey 2016).
import {releaseFile} from "../../../publish/release/buildRelease.js";

process.stdout.write(await releaseFile("xlsx", {year: 2016}));
