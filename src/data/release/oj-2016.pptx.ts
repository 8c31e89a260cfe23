// Framework data loader: Öppna jämförelser 2016, the national slide deck (survey 2016).
import {emitReleaseFile} from "../../../loaders/release/buildRelease.js";

await emitReleaseFile("pptx", {year: 2016});
