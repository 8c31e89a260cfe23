import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {checkIntervals, DEFAULT_POLICY, indicatorPolicy, readDisclosurePolicies} from "../../../loaders/disclosure/policy.js";
import type {IndicatorFile, SourcesFile} from "../../../loaders/schema/metadata.js";
import {DATA} from "../../helpers/dataDir.js";
import {loadError} from "../../helpers/loadError.js";

const SOURCES = JSON.parse(readFileSync(join(DATA, "sources.json"), "utf8")) as SourcesFile;
const INDICATORS = (JSON.parse(readFileSync(join(DATA, "indicators.json"), "utf8")) as IndicatorFile).indicators;
const indicator = (id: string) => INDICATORS.find((i) => i.id === id)!;

/** sources.json with the disclosure block and one register source's policy replaced. */
function sources({disclosure, heldygn}: {disclosure?: unknown; heldygn?: unknown}): SourcesFile {
  const copy = structuredClone(SOURCES) as unknown as Record<string, Record<string, unknown>>;
  if (disclosure !== undefined) copy.disclosure = disclosure as Record<string, unknown>;
  const register = copy.register as Record<string, Record<string, unknown>>;
  if (heldygn !== undefined) register.socialstyrelsen_heldygn!.disclosure = heldygn;
  return copy as unknown as SourcesFile;
}

describe("the policy declared in data/sources.json", () => {
  const policies = readDisclosurePolicies(SOURCES);

  it("protects Socialstyrelsen's counts 1–4 along kommun → län → riket and stadsdel → kommun, with Poisson intervals", () => {
    expect(policies.register.socialstyrelsen_heldygn).toMatchObject({
      protect: {from: 1, to: 4},
      totals: [
        {parts: "kommun", total: "län"},
        {parts: "län", total: "riket"},
        {parts: "stadsdel", total: "kommun"}
      ],
      interval: "poisson"
    });
  });

  it("protects neither population nor Kolada's rates nor the survey, and says why", () => {
    for (const id of ["scb_befolkning", "stadsdelar_befolkning", "kolada_n33817"]) expect(policies.register[id]).toMatchObject({protect: null, interval: null, note: expect.stringMatching(/\w/)});
    expect(policies.survey).toMatchObject({protect: null, interval: null, note: expect.stringContaining("census")});
  });

  it("a rate takes the policy of its numerator and inherits its protection", () => {
    expect(indicatorPolicy(policies, INDICATORS, indicator("heldygnsinsats_per_1000"), 2013)).toMatchObject({inheritsFrom: "heldygnsinsats_antal", sources: ["socialstyrelsen_heldygn"], policy: {interval: "poisson"}});
    expect(indicatorPolicy(policies, INDICATORS, indicator("bbic_ordinarie_licens"), 2013)).toMatchObject({inheritsFrom: null, sources: [], policy: policies.survey});
    expect(() => checkIntervals(policies, INDICATORS)).not.toThrow();
  });

  it("a source without a policy gets the default: counts 1–4 protected, no interval", () => {
    const withoutPolicy = structuredClone(SOURCES) as unknown as {disclosure?: unknown; register: Record<string, {disclosure?: unknown}>};
    delete withoutPolicy.disclosure;
    delete withoutPolicy.register.socialstyrelsen_heldygn!.disclosure;
    expect(readDisclosurePolicies(withoutPolicy as unknown as SourcesFile).register.socialstyrelsen_heldygn).toEqual(DEFAULT_POLICY);
  });

  it("a source's entry overrides the default field by field", () => {
    const p = readDisclosurePolicies(sources({heldygn: {protect: {from: 1, to: 2}, note: "Källan skyddar 1–2."}}));
    expect(p.register.socialstyrelsen_heldygn).toEqual({...p.default, protect: {from: 1, to: 2}, note: "Källan skyddar 1–2."});
  });
});

describe("a bad policy stops the load, naming the key", () => {
  it.each([
    [{protect: {from: 0, to: 4}}, 'sources.json, column register.socialstyrelsen_heldygn.disclosure.protect: found {"from":0,"to":4} (expected null or {"from": 1, "to": 4}: whole numbers, 1 ≤ from ≤ to)'],
    [{protect: {from: 5, to: 4}}, 'sources.json, column register.socialstyrelsen_heldygn.disclosure.protect: found {"from":5,"to":4} (expected null or {"from": 1, "to": 4}: whole numbers, 1 ≤ from ≤ to)'],
    [{protect: 4}, "sources.json, column register.socialstyrelsen_heldygn.disclosure.protect: found 4 (expected null or {\"from\": 1, \"to\": 4}: whole numbers, 1 ≤ from ≤ to)"],
    [{protect: null}, 'sources.json, column register.socialstyrelsen_heldygn.disclosure: protect is null but there is no note (expected "note" saying why nothing in this source needs protection)'],
    [{threshold: 5}, "sources.json, column register.socialstyrelsen_heldygn.disclosure.threshold: unknown key (expected protect, totals, interval or note)"],
    [
      {totals: [{parts: "kommun", total: "kommungrupp"}]},
      'sources.json, column register.socialstyrelsen_heldygn.disclosure.totals[0]: found {"parts":"kommun","total":"kommungrupp"} (expected {"parts": "kommun", "total": "län"}, {"parts": "län", "total": "riket"}, {"parts": "kommun", "total": "riket"} or {"parts": "stadsdel", "total": "kommun"})'
    ],
    [{totals: [{parts: "kommun", total: "län"}, {parts: "kommun", total: "län"}]}, "sources.json, column register.socialstyrelsen_heldygn.disclosure.totals: kommun→län is listed twice"],
    [{interval: "normal"}, 'sources.json, column register.socialstyrelsen_heldygn.disclosure.interval: found "normal" (expected "poisson", "wilson" or null)'],
    [{note: ""}, 'sources.json, column register.socialstyrelsen_heldygn.disclosure.note: found "" (expected a sentence saying why)'],
    ["1-4", 'sources.json, column register.socialstyrelsen_heldygn.disclosure: expected an object with protect, totals, interval, note, found "1-4"']
  ])("%j", (heldygn, message) => {
    expect(loadError(() => readDisclosurePolicies(sources({heldygn}))).message).toBe(message);
  });

  it("the survey cannot be protected by a threshold: its values are shares of units", () => {
    expect(loadError(() => readDisclosurePolicies(sources({disclosure: {survey: {protect: {from: 1, to: 4}}}}))).message).toBe(
      "sources.json, column disclosure.survey.protect: survey values are shares of units, not counts of people (expected null; protection applies to register counts)"
    );
  });

  it("an interval method must fit the measures it is declared for", () => {
    const kolada = sources({});
    (kolada.register.kolada_n33817 as unknown as Record<string, unknown>).disclosure = {protect: null, interval: "poisson", note: "x"};
    expect(loadError(() => checkIntervals(readDisclosurePolicies(kolada), INDICATORS)).message).toBe(
      'sources.json, column register.kolada_n33817.disclosure.interval: "poisson" for familjehem_0_20_per_1000 (rate_per_1000, read as a rate without its count): an exact Poisson interval needs the count (expected a count, a rate per 1 000 derived from a count, or interval null)'
    );
    expect(loadError(() => checkIntervals(readDisclosurePolicies(sources({heldygn: {interval: "wilson"}})), INDICATORS)).message).toBe(
      'sources.json, column register.socialstyrelsen_heldygn.disclosure.interval: "wilson" for heldygnsinsats_antal (count): a Wilson interval is for shares (expected interval null or "poisson")'
    );
  });
});
