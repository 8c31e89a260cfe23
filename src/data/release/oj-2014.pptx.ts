// Framework data loader: Öppna jämförelser 2014, the national slide deck: survey 2013, published as the 2014 release.
import {releaseFile} from "../../../publish/release/buildRelease.js";

process.stdout.write(await releaseFile("pptx", {year: 2013, release: 2014}));
