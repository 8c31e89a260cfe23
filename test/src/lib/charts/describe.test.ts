// What each chart says to a screen reader and shows as a table (src/lib/charts/describe.js).
import {describe, expect, it} from "vitest";
import {barText, mapText, stripText, trendText} from "../../../../src/lib/charts/describe.js";

describe("a trend chart in words and as a table", () => {
  const series = [
    {label: "Jokkmokk", points: [{year: 2013, value: 0, status: "ok"}, {year: 2014, value: null, status: "no_answer", note: "besvarade inte enkäten 2014"}, {year: 2015, value: 100, status: "ok"}]},
    {label: "Riket", points: [{year: 2013, value: 80.4, status: "ok"}, {year: 2014, value: 85, status: "ok"}, {year: 2015, value: 90, status: "ok"}]}
  ];

  it("gives each series' first and latest value, its gaps and the breaks", () => {
    expect(trendText(series, {breaks: [2015]}).description).toBe(
      "Linjediagram 2013–2015. Jokkmokk: 0,0\u00a0% 2013, 100,0\u00a0% 2015; inget värde 2014. Riket: 80,4\u00a0% 2013, 90,0\u00a0% 2015. Jämförbarheten bryts 2015: värdena före och efter kan inte jämföras."
    );
  });

  it("has a row per year and a column per series; a gap says why, never a zero or a dash", () => {
    const {table} = trendText(series);
    expect(table.columns).toEqual(["År", "Jokkmokk", "Riket"]);
    expect(table.rows).toEqual([
      ["2013", "0,0\u00a0%", "80,4\u00a0%"],
      ["2014", "besvarade inte enkäten 2014", "85,0\u00a0%"],
      ["2015", "100,0\u00a0%", "90,0\u00a0%"]
    ]);
  });
});

describe("a bar chart in words and as a table", () => {
  it("names every bar when there are few, the rows without a value and the reference", () => {
    const {description, table} = barText(
      [
        {label: "Göteborg", value: 80, numerator: 8, denominator: 10},
        {label: "Kommungrupp A1", value: 70},
        {label: "Jokkmokk", value: null, status: "no_answer", note: "besvarade inte enkäten 2016"}
      ],
      {reference: 75}
    );
    expect(description).toBe("Stapeldiagram med 3 staplar. Göteborg 80,0\u00a0%, Kommungrupp A1 70,0\u00a0%. Utan värde: Jokkmokk (besvarade inte enkäten 2016). Streckad linje: Riket 75,0\u00a0%.");
    expect(table.columns).toEqual(["Område", "Värde", "Underlag"]);
    expect(table.rows).toEqual([
      ["Göteborg", "80,0\u00a0%", "8 av 10"],
      ["Kommungrupp A1", "70,0\u00a0%", ""],
      ["Jokkmokk", "besvarade inte enkäten 2016", ""],
      ["Riket", "75,0\u00a0%", ""]
    ]);
  });

  it("names the highest and the lowest of many", () => {
    const rows = Array.from({length: 21}, (_, i) => ({label: `Län ${i}`, value: i * 2}));
    expect(barText(rows, {measure: "share_yes"}).description).toBe("Stapeldiagram med 21 staplar. Högst Län 20 40,0\u00a0%, lägst Län 0 0,0\u00a0%.");
  });
});

describe("a dot strip and a map in words and as tables", () => {
  it("a strip: how many, the range and median, the chosen units; its table lists every unit, highest first", () => {
    const rows = [
      {code: "a", name: "Arvika", value: 10},
      {code: "b", name: "Boden", value: 30},
      {code: "c", name: "Borås", value: 20},
      {code: "d", name: "Dals-Ed", value: null, status: "missing"}
    ];
    const {description, table} = stripText(rows, [{code: "c", label: "Borås", value: 20}], {measure: "rate_per_1000", reference: 15});
    expect(description).toBe("Punktdiagram med en punkt per enhet: 3 enheter med värde från 10,0 till 30,0, median 20,0. Markerade: Borås 20,0. Riket: 15,0.");
    expect(table.rows).toEqual([
      ["Boden", "30,0"],
      ["Borås (vald)", "20,0"],
      ["Arvika", "10,0"]
    ]);
  });

  it("a map: how many kommuner have a value, the extremes, how many are grey; its table every kommun in Swedish order", () => {
    const values = new Map([
      ["1", {value: 50, status: "ok"}],
      ["2", {value: null, status: "no_answer", note: "besvarade inte enkäten 2016"}],
      ["3", {value: 90, status: "ok"}]
    ]);
    const {description, table} = mapText([{code: "1", name: "Öckerö"}, {code: "2", name: "Ale"}, {code: "3", name: "Borås"}], values);
    expect(description).toBe("Karta över 3 kommuner, färgade efter värde: 2 med värde. Högst Borås (90,0\u00a0%), lägst Öckerö (50,0\u00a0%). 1 utan värde visas grå.");
    expect(table.rows).toEqual([
      ["Ale", "besvarade inte enkäten 2016"],
      ["Borås", "90,0\u00a0%"],
      ["Öckerö", "50,0\u00a0%"]
    ]);
  });
});
