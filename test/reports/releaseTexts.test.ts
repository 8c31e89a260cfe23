/**
 * The release sentences are generated from data: with the sample data they
 * read exactly as published; with other data they say other things.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildTables} from "../../loaders/pipeline.js";
import {facts2014, facts2016, texts2014, texts2016} from "../../src/components/releaseTexts.js";
import {DATA, fixture, makeDataDir, tempDir} from "../helpers/dataDir.js";
import {tableQuery} from "../helpers/tableQuery.js";

/** The published sentences (../shared/seeds), which the sample data must reproduce word for word. */
export const PUBLISHED_2014 = {
  lead: "Årets Öppna jämförelser social barn- och ungdomsvård visar att kommunernas samverkan med barn- och ungdomspsykiatrin och barnhälsovården ökar.",
  involve: "Kommunerna arbetar i allt högre grad med att involvera barn och unga i arbetet.",
  competenceNew: "Andelen handläggare med socionomexamen och erfarenhet av barnutredningar är därför en ny kvalitetsindikator för i år.",
  competence: "Årets jämförelser visar att hälften av landets kommuner har handläggare med fem års erfarenhet och socionomexamen.",
  bbicHeading: "Antalet kommuner med BBIC-licens ökar",
  bbic: "Fyra av fem kommuner har nu ordinarie BBIC-licens, vilket är nästan tre gånger så många som år 2010.",
  improvement: "Brukarnas uppfattning som underlag för verksamhetsutveckling och systematisk uppföljning på verksamhetsnivå är emellertid två förbättringsområden som framkommer i årets jämförelser.",
  participationHeading: "Stort deltagande från kommunerna",
  participation: "Deltagandet i årets öppna jämförelser har varit stort – 95 procent av landets socialförvaltningar besvarade enkäten i november 2013."
};
export const PUBLISHED_2016 = {
  bbic: "98 procent av kommunerna och stadsdelarna i storstäderna har ordinarie licens för BBIC vilket är positivt.",
  competencePlan:
    "Det är 24 procent av kommunerna som har en aktuell samlad plan för personalens kompetensutveckling vilken innehåller handledning, fortbildning och vidareutbildning med utgångspunkt från verksamhetens behov och personalens kompetens.",
  competencePlanLow: true,
  primaryCare: "44 procent av landets kommuner har överenskommelser med primärvården.",
  school: "Hälften av landets kommuner har överenskommelser med skolan och förskolan (53 respektive 52 procent).",
  comparability:
    "Observera att tidigare års resultat inte kan jämföras med resultaten för år 2016. Det beror på att insamlingssättet av data, frågorna till kommuner och stadsdelar samt flera indikatorer har ändrats."
};

describe("with the sample data", () => {
  let q: Awaited<ReturnType<typeof tableQuery>>;
  beforeAll(async () => {
    const out = tempDir();
    await buildTables(DATA, out);
    q = await tableQuery(out);
  });
  afterAll(() => q.close());

  it("the 2014 release reads exactly as published", async () => {
    expect(texts2014(await facts2014(q.query, 2013))).toEqual(PUBLISHED_2014);
  });
  it("the 2016 results read exactly as published", async () => {
    expect(texts2016(await facts2016(q.query, 2016))).toEqual(PUBLISHED_2016);
  });
  it("the 2014 template renders another survey year from data alone", async () => {
    const t = texts2014(await facts2014(q.query, 2014));
    expect(t.bbic).toBe("Nio av tio kommuner har nu ordinarie BBIC-licens, vilket är drygt tre gånger så många som år 2010.");
    expect(t.competenceNew).toBe("Andelen handläggare med socionomexamen och erfarenhet av barnutredningar är därför en av årets kvalitetsindikatorer.");
    expect(t.participation).toBe("Deltagandet i årets öppna jämförelser har varit stort – 96 procent av landets socialförvaltningar besvarade enkäten i november 2014.");
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
