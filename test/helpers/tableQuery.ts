// Tests query the built tables exactly as loaders do (publish/parquetQuery.ts).
export {parquetQuery as tableQuery} from "../../publish/parquetQuery.js";
