// Tests query the built tables exactly as loaders do (loaders/read/parquetQuery.ts).
export {parquetQuery as tableQuery} from "../../loaders/read/parquetQuery.js";
