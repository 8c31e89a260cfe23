// src/lib/firstView.js: answers recorded at build time are found again by name
// and parameters, whatever order the parameters were written in; anything
// else goes to the engine.
import {describe, expect, it, vi} from "vitest";
import {answerKey, recordAnswers, recordedAnswers} from "../../../src/lib/firstView.js";

describe("answerKey", () => {
  it("is the same for the same parameters in any order, and differs for other values", () => {
    expect(answerKey("lanTable", {indicatorId: "a", year: 2016})).toBe(answerKey("lanTable", {year: 2016, indicatorId: "a"}));
    expect(answerKey("lanTable", {indicatorId: "a", year: 2016})).not.toBe(answerKey("lanTable", {indicatorId: "a", year: 2015}));
    expect(answerKey("trends", {codes: ["0180", "01"]})).not.toBe(answerKey("trends", {codes: ["01", "0180"]}));
    expect(answerKey("a", {year: 2016})).not.toBe(answerKey("b", {year: 2016}));
  });
});

describe("recordAnswers → recordedAnswers", () => {
  it("answers the recorded parameters without computing, and computes the rest", async () => {
    const recorded = await recordAnswers([["report", {year: 2016}, async () => ({facts: 98})]]);
    expect(JSON.parse(JSON.stringify(recorded))).toEqual([{name: "report", params: {year: 2016}, value: {facts: 98}}]);
    const answers = recordedAnswers(JSON.parse(JSON.stringify(recorded)));
    const engine = vi.fn(async () => ({facts: 24}));
    expect(answers.answer("report", {year: 2016}, engine)).toEqual({facts: 98});
    expect(engine).not.toHaveBeenCalled();
    expect(await answers.answer("report", {year: 2015}, engine)).toEqual({facts: 24});
    expect(engine).toHaveBeenCalledOnce();
    expect([answers.has("report", {year: 2016}), answers.has("report", {year: 2015})]).toEqual([true, false]);
  });

  it("keeps a recorded empty answer (an empty table is an answer, not a miss)", async () => {
    const answers = recordedAnswers(await recordAnswers([["lanTable", {indicatorId: "x", year: 2010}, async () => []]]));
    const engine = vi.fn(async () => [{kod: "01"}]);
    expect(answers.answer("lanTable", {indicatorId: "x", year: 2010}, engine)).toEqual([]);
    expect(engine).not.toHaveBeenCalled();
  });
});
