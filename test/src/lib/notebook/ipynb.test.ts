// The notebook for Jupyter: nbformat 4, Python's duckdb over the Parquet files.
import {describe, expect, it} from "vitest";
import {notebookToIpynb} from "../../../../src/lib/notebook/ipynb.js";
import {newNotebook} from "../../../../src/lib/notebook/model.js";

describe("notebookToIpynb", () => {
  const notebook = newNotebook({
    title: "Analys",
    cells: [
      {type: "input", name: "kommun", input: {kind: "unit", label: "Kommun", value: "0180"}},
      {sql: 'SELECT * FROM observations WHERE area_code = $kommun AND note = \'"""\'', title: "Värden", name: "varden"},
      {type: "markdown", name: "text1", text: "Se ${varden.rows[0].value}."},
      {type: "js", name: "tabell1", code: "varden.filter(d => d.value > 1)"}
    ]
  });
  const file = JSON.parse(notebookToIpynb(notebook, {tables: ["observations", "areas"]}));
  const source = (i: number) => (file.cells[i].source as string[]).join("");

  it("is nbformat 4 with a Python kernel", () => {
    expect(file).toMatchObject({nbformat: 4, metadata: {kernelspec: {name: "python3"}}});
    expect(file.cells.map((c: {cell_type: string}) => c.cell_type)).toEqual(["markdown", "code", "code", "markdown", "code", "markdown", "markdown"]);
  });

  it("opens the tables as views over the Parquet files, and binds inputs as named parameters", () => {
    expect(source(1)).toContain("read_parquet('data/{table}.parquet')");
    expect(source(2)).toBe('# Kommun\nparams["kommun"] = "0180"');
    expect(source(4)).toBe(
      'con.execute("CREATE OR REPLACE TABLE \\"varden\\" AS\\nSELECT * FROM observations WHERE area_code = $kommun AND note = \'\\"\\"\\"\'", {"kommun": params["kommun"]})\n' +
        'varden = con.sql("SELECT * FROM \\"varden\\"").df()\nvarden'
    );
  });

  it("keeps Markdown as Markdown and shows JavaScript as code it cannot run", () => {
    expect(source(5)).toBe("Se ${varden.rows[0].value}.");
    expect(source(6)).toContain("````js\nvarden.filter(d => d.value > 1)\n````");
  });
});
