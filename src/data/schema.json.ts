// Framework data loader: the table contract (columns, types, descriptions) for pages.
import {LEVELS, STATUSES, TABLES} from "../../loaders/schema/tables.js";

process.stdout.write(JSON.stringify({tables: Object.values(TABLES), statuses: STATUSES, levels: LEVELS}, null, 1));
