/** Area code shapes, shared by every reader that meets an area code. */
export const RIKET_CODE = "00";
export const isLanCode = (code: string): boolean => /^\d{2}$/.test(code) && code !== RIKET_CODE;
export const isKommunCode = (code: string): boolean => /^\d{4}$/.test(code);
export const isStadsdelCode = (code: string): boolean => /^\d{4}-\d{2}$/.test(code);
