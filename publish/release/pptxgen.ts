/**
 * The pptxgenjs class, whichever way the module system hands it over:
 * pptxgenjs ships CommonJS whose default export is the class; under ESM the
 * namespace's `default` may be the class or an object holding it.
 */
import pptxgenModule from "pptxgenjs";

export type PptxGenJS = import("pptxgenjs").default;
export const PptxGen = ((pptxgenModule as unknown as {default?: unknown}).default ?? pptxgenModule) as unknown as new () => PptxGenJS;
