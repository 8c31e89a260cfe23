/**
 * Last touches to the package pptxgenjs writes: charts whose gaps are gaps and
 * zeros zeros (repairChartData.ts), and Swedish as the proofing language of
 * every text, including the slide-number fields and notes pptxgenjs marks
 * "en-US" whatever the options say. pptxgenjs also gives every paragraph's end
 * mark the size of the text box's first run; PowerPoint counts the end mark in
 * the last line's height, so a 10 pt line after a 30 pt one would stand 30 pt
 * tall. The end mark takes the size of its paragraph's last run instead.
 */
import JSZip from "jszip";
import {repairChartData} from "./repairChartData.js";

export function endMarkSizes(xml: string): string {
  return xml.replace(/<a:p>[\s\S]*?<\/a:p>/g, (p) => {
    const sizes = [...p.matchAll(/<a:rPr\b[^>]*\bsz="(\d+)"/g)];
    const last = sizes.at(-1)?.[1];
    return last ? p.replace(/(<a:endParaRPr\b[^>]*\bsz=")\d+(")/, `$1${last}$2`) : p;
  });
}

export async function finishDeck(pptx: Uint8Array, lang = "sv-SE"): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pptx);
  await repairChartData(zip);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/(slides|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, endMarkSizes(xml).replace(/lang="en-US"/g, `lang="${lang}"`));
  }
  // Charts: the language of their texts, and the chart's own editing language.
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const withLang = xml.includes("<c:lang ") ? xml : xml.replace(/(<c:date1904 val="\d"\/>)/, `$1<c:lang val="${lang}"/>`);
    zip.file(name, withLang.replace(/lang="en-US"/g, `lang="${lang}"`));
  }
  return zip.generateAsync({type: "nodebuffer", compression: "DEFLATE"});
}
