// Verb phrases of the unit pages' sentences (src/lib/compare/verbs.js).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {negate, pastTense, predicate, proVerb} from "../../../../src/lib/compare/verbs.js";

const indicator = (id: string, description: string) => ({id, short_title: id, description});
const DELAKTIGHET = indicator("barns_delaktighet", "Andel kommuner och stadsdelar som har en rutin för att involvera barn och unga i planering och uppföljning av insatser.");
const UPPFOLJNING = indicator("systematisk_uppfoljning", "Andel kommuner och stadsdelar som följer upp insatser för barn och unga systematiskt på verksamhetsnivå.");

describe("verb phrases from the indicator metadata", () => {
  it("derives the phrase from the description, up to the first comma or full stop outside parentheses", () => {
    expect(predicate(DELAKTIGHET)).toBe("har en rutin för att involvera barn och unga i planering och uppföljning av insatser");
    expect(predicate(UPPFOLJNING)).toBe("följer upp insatser för barn och unga systematiskt på verksamhetsnivå");
    expect(predicate(indicator("x", "Andel kommuner och stadsdelar som har en överenskommelse om samverkan med primärvården, en viktig samverkanspart."))).toBe(
      "har en överenskommelse om samverkan med primärvården"
    );
  });

  it("uses the shorter wording where there is one, by year where the question changed", () => {
    expect(predicate(indicator("bbic_ordinarie_licens", ""))).toBe("har ordinarie BBIC-licens");
    expect(predicate(indicator("samverkan_bup", ""), 2015)).toBe("har en aktuell rutin för samverkan med barn- och ungdomspsykiatrin (BUP)");
    expect(predicate(indicator("samverkan_bup", ""), 2016)).toBe("har en överenskommelse om samverkan med barn- och ungdomspsykiatrin (BUP)");
    // Its description lists the plan's parts with commas: "… som innehåller handledning, fortbildning och …" must not be cut at "handledning".
    expect(predicate(indicator("samlad_kompetensplan", "Andel kommuner och stadsdelar som har en aktuell samlad plan för personalens kompetensutveckling som innehåller handledning, fortbildning och vidareutbildning."))).toBe(
      "har en aktuell samlad plan för personalens kompetensutveckling"
    );
  });

  it("negates after the finite verb, particle verbs included", () => {
    expect(negate("har ordinarie BBIC-licens")).toBe("har inte ordinarie BBIC-licens");
    expect(negate("följer upp insatser")).toBe("följer inte upp insatser");
  });

  it("puts the finite verb in the past, particle verbs included, and knows when it cannot", () => {
    expect(pastTense("har ordinarie BBIC-licens")).toBe("hade ordinarie BBIC-licens");
    expect(pastTense("följer upp insatser")).toBe("följde upp insatser");
    expect(pastTense("använder resultat")).toBe("använde resultat");
    expect(pastTense("bedriver verksamhet")).toBeNull();
    expect([proVerb("har X"), proVerb("följer upp X"), proVerb("hade X", {past: true}), proVerb("följde upp X", {past: true})]).toEqual(["har", "gör", "hade", "gjorde"]);
  });

  it("every survey share indicator of the project has a phrase whose verb has a past tense", () => {
    const file = JSON.parse(readFileSync(new URL("../../../../data/indicators.json", import.meta.url), "utf8"));
    const list: {id: string; short_title: string; description: string; measure: string}[] = Array.isArray(file) ? file : file.indicators;
    const shares = list.filter((d) => d.measure === "share_yes");
    expect(shares.length).toBeGreaterThan(5);
    for (const d of shares) for (const year of [2015, 2016]) expect(pastTense(predicate(d, year)), `${d.id} ${year}: "${predicate(d, year)}"`).not.toBeNull();
  });
});
