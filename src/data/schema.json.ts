// Framework data loader: the table contract and vocabulary for pages (see publish/schema.ts).
import {schemaObject} from "../../publish/schema.js";

process.stdout.write(JSON.stringify(schemaObject(), null, 1));
