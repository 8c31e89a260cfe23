// Framework data loader: Öppna jämförelser 2016, the national slide deck (survey 2016).
import {releaseFile} from "../../../publish/release/buildRelease.js";

process.stdout.write(await releaseFile("pptx", {year: 2016}));
