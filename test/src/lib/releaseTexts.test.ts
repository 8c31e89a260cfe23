/**
 * The release sentences are generated from data: with the sample data they
 * read exactly as published; with other data they say other things.
 */
import {describe, expect, it} from "vitest";
import {buildTables} from "../../../loaders/pipeline.js";
import {facts2014, facts2016, texts2014, texts2016} from "../../../src/lib/releaseTexts.js";
import {fixture, makeDataDir, tempDir} from "../../helpers/dataDir.js";
import {useSampleTables} from "../../helpers/sampleTables.js";
import {tableQuery} from "../../helpers/tableQuery.js";
import {PUBLISHED_2014, PUBLISHED_2016} from "../../fixtures/publishedTexts.js";

describe("with the sample data", () => {
  const sample = useSampleTables();

  it("the 2014 release reads exactly as published", async () => {
    expect(texts2014(await facts2014(sample.query, 2013))).toEqual(PUBLISHED_2014);
  });
  it("the 2016 results read exactly as published", async () => {
    expect(texts2016(await facts2016(sample.query, 2016))).toEqual(PUBLISHED_2016);
  });
  it("the 2014 template renders another survey year from data alone", async () => {
    const t = texts2014(await facts2014(sample.query, 2014));
    expect(t.bbic).toBe("Nio av tio kommuner har nu ordinarie BBIC-licens, vilket är drygt tre gånger så många som år 2010.");
    expect(t.competenceNew).toBe("Andelen handläggare med socionomexamen och erfarenhet av barnutredningar är därför en av årets kvalitetsindikatorer.");
    expect(t.participation).toBe("Deltagandet i årets öppna jämförelser har varit stort – 96 procent av landets socialförvaltningar besvarade enkäten i november 2014.");
  });
  it("a count of kommuner is a census, exact: equal counts are 'lika många', never 'ungefär'", async () => {
    const f = await facts2014(sample.query, 2013);
    expect(texts2014({...f, bbicBaseline: {...f.bbicBaseline!, numerator: f.bbic!.numerator}}).bbic).toMatch(/, vilket är lika många som år 2010\.$/);
  });
});

describe("with other data (test/fixtures/survey/enkat_2010_small.csv, enkat_2013_small.csv)", () => {
  it("the sentences follow the figures: nothing is typed in", async () => {
    const dir = makeDataDir({
      files: {"survey/enkat_2010.csv": fixture("survey/enkat_2010_small.csv"), "survey/enkat_2013.csv": fixture("survey/enkat_2013_small.csv")},
      sources: {
        survey: [
          {year: 2010, file: "survey/enkat_2010.csv", questionnaire: "2010–2015", period: "november 2010"},
          {year: 2013, file: "survey/enkat_2013.csv", questionnaire: "2010–2015", period: "november 2013"}
        ]
      },
      indicators: (i) => i.source === "enkät"
    });
    const out = tempDir();
    await buildTables(dir, out);
    const q = await tableQuery(out);
    try {
      const t = texts2014(await facts2014(q.query, 2013));
      // BBIC: 3 of 5 units in 2013, 1 in 2010. BUP: 100 → 80 %, BHV: 20 → 60 %, involvement 60 → 75 %.
      expect(t.bbic).toBe("Tre av fem kommuner har nu ordinarie BBIC-licens, vilket är tre gånger så många som år 2010.");
      expect(t.lead).toBe("Årets Öppna jämförelser social barn- och ungdomsvård visar att kommunernas samverkan med barn- och ungdomspsykiatrin minskar och med barnhälsovården ökar.");
      expect(t.competence).toBe("Årets jämförelser visar att tre av fem av landets kommuner har handläggare med fem års erfarenhet och socionomexamen.");
      expect(t.participation).toBe("Deltagandet i årets öppna jämförelser har varit lägre än väntat – 2 procent av landets socialförvaltningar besvarade enkäten i november 2013.");
      expect(t.involve).toBe("Kommunerna arbetar i allt högre grad med att involvera barn och unga i arbetet.");
    } finally {
      q.close();
    }
  });
});
