// Framework data loader: Öppna jämförelser 2014, the national slide deck: survey 2013, published as the 2014 release.
import {emitReleaseFile} from "../../../loaders/release/buildRelease.js";

await emitReleaseFile("pptx", {year: 2013, release: 2014});
