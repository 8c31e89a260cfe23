/**
 * What the sample data is calibrated to. Figures marked "published" are the
 * national results of the two releases in ../shared/README.md (2014 press
 * release on the November 2013 survey; 2016 results page); the sample must
 * reproduce them exactly through the real pipeline (test/publishedFigures.test.ts).
 * The other years are plausible trends, chosen so the releases' trend words hold
 * ("ökar", "i allt högre grad").
 */

/** Responding units per survey year, out of 316 (287 kommuner + 29 stadsdelar). */
export const RESPONDING: Record<number, number> = {
  2010: 290,
  2011: 293,
  2012: 296,
  2013: 300, // published: "95 procent av landets socialförvaltningar besvarade enkäten" (300/316 = 94.9)
  2014: 303,
  2015: 298,
  2016: 310
};

/**
 * Yes-count per question and year among responding units. A number in (0, 1)
 * is a share of those who answered the question; an integer ≥ 1 is an exact
 * count (used where a published figure must come out exactly).
 */
export const YES: Record<string, Record<number, number>> = {
  // BBIC ordinary licence. Published: 2013 "fyra av fem" (240/300 = 80 %),
  // "nästan tre gånger så många som år 2010" (240/85 = 2.82); 2016: 98 % (304/310).
  F1: {2010: 85, 2011: 0.45, 2012: 0.62, 2013: 240, 2014: 0.88, 2015: 0.93},
  B1: {2016: 304},
  // Socionomexamen + 5 years. Published: 2013 "hälften" (150/300).
  F2: {2013: 150, 2014: 0.52, 2015: 0.49},
  K2: {2016: 0.47},
  // Samverkan BUP and BHV: published "ökar".
  F3: {2010: 0.55, 2011: 0.6, 2012: 0.66, 2013: 0.72, 2014: 0.76, 2015: 0.79},
  F4: {2010: 0.4, 2011: 0.46, 2012: 0.52, 2013: 0.58, 2014: 0.63, 2015: 0.67},
  // Involving children: published "i allt högre grad".
  F5: {2010: 0.35, 2011: 0.42, 2012: 0.5, 2013: 0.58, 2014: 0.64, 2015: 0.7},
  // Improvement areas in 2013: brukarnas uppfattning, systematisk uppföljning.
  F6: {2010: 0.18, 2011: 0.2, 2012: 0.22, 2013: 0.25, 2014: 0.27, 2015: 0.3},
  F7: {2010: 0.22, 2011: 0.24, 2012: 0.27, 2013: 0.29, 2014: 0.31, 2015: 0.33},
  // 2016, published: competence plan 24 % (74/310), primärvården 44 % (136/310),
  // skolan 53 % (164/310), förskolan 52 % (161/310).
  K1: {2016: 74},
  S1: {2016: 136},
  S2: {2016: 164},
  S3: {2016: 161},
  S4: {2016: 0.61},
  D1: {2016: 0.66}
};

/** Questions whose published figures need every responding unit to answer (no blanks). */
export const NO_BLANKS = new Set(["F1", "B1", "F2", "K1", "S1", "S2", "S3"]);
