/** Area code shapes (declared in schema/vocabulary.ts), shared by every reader that meets an area code. */
import {AREA_CODES} from "../schema/vocabulary.js";

export const RIKET_CODE = AREA_CODES.riket;
const lan = new RegExp(AREA_CODES.län);
const kommun = new RegExp(AREA_CODES.kommun);
const stadsdel = new RegExp(AREA_CODES.stadsdel);
export const isLanCode = (code: string): boolean => lan.test(code);
export const isKommunCode = (code: string): boolean => kommun.test(code);
export const isStadsdelCode = (code: string): boolean => stadsdel.test(code);
