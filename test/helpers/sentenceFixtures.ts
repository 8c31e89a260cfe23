// Indicators and units as the unit pages' sentences see them, shared by
// test/src/lib/compare/sentences.test.ts and highlights.test.ts.
export const indicator = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  short_title: "Ordinarie BBIC-licens",
  source: "enkät",
  measure: "share_yes",
  description: "Andel kommuner och stadsdelar som har ordinarie licens för Barns behov i centrum (BBIC), Socialstyrelsens system för dokumentation.",
  ...extra
});
export const BBIC = indicator("bbic_ordinarie_licens");
export const DELAKTIGHET = indicator("barns_delaktighet", {
  short_title: "Barns delaktighet",
  description: "Andel kommuner och stadsdelar som har en rutin för att involvera barn och unga i planering och uppföljning av insatser."
});
export const UPPFOLJNING = indicator("systematisk_uppfoljning", {description: "Andel kommuner och stadsdelar som följer upp insatser för barn och unga systematiskt på verksamhetsnivå."});
export const SVAR = indicator("svarsfrekvens", {measure: "response_rate", short_title: "Svarsfrekvens"});
export const HELDYGN = indicator("heldygnsinsats_per_1000", {source: "register", measure: "rate_per_1000", short_title: "Heldygnsinsats per 1 000", description: "Antal barn …"});
export const ANTAL = indicator("heldygnsinsats_antal", {source: "register", measure: "count", short_title: "Heldygnsinsats, antal", description: "Antal barn …"});

export const vallentuna = {code: "0115", name: "Vallentuna", kind: "kommun", kommun_name: "Vallentuna", stadsdelar: 0};
export const goteborg = {code: "1480", name: "Göteborg", kind: "storstad", kommun_name: "Göteborg", stadsdelar: 10};
export const stockholm = {code: "0180", name: "Stockholm", kind: "storstad", kommun_name: "Stockholm", stadsdelar: 14};
export const angered = {code: "1480-01", name: "Angered", kind: "stadsdel", kommun_name: "Göteborg", stadsdelar: 0};
