/**
 * Static text on the per-unit pages. Framework renders every `${…}` in Markdown
 * in the browser, `${observable.params.kod}` included, so src/kommun/[kod].md
 * would ship an empty <h1> and a <title> without the unit's name. This
 * markdown-it plugin (registered in observablehq.config.ts as `markdownIt`)
 * replaces, at build time and only on pages with a `kod` param, the inline
 * expressions `${unit.name}`, `${unit.lan_name}`, … with the text they evaluate
 * to in the browser (the same fields as `unit` in data/units/<kod>.json, from
 * the same reference data). Without the plugin the page renders the same text
 * client-side, so it degrades, it does not break.
 */
import type MarkdownIt from "markdown-it";
import type {Reference} from "../../loaders/reference/readReference.js";
import {unitKindText, unitLabel} from "../../src/lib/compare/text.js";

export interface StaticUnit {
  code: string;
  name: string;
  label: string;
  kind: "kommun" | "storstad" | "stadsdel";
  kind_text: string;
  lan_code: string;
  lan_name: string;
  kommun_code: string;
  kommun_name: string;
  kommungrupp: string;
  kommungrupp_name: string;
  stadsdelar: number;
}

/** Fields a page may use statically: text that depends on the unit only, never on data. */
export const STATIC_FIELDS = ["code", "name", "label", "kind_text", "lan_name", "kommun_name", "kommungrupp", "kommungrupp_name"] as const;

/** Every kommun and stadsdel with the static facts a page shows about it. */
export function staticUnits(ref: Reference): Map<string, StaticUnit> {
  const lan = new Map(ref.lan.map((l) => [l.code, l.name]));
  const kommun = new Map(ref.kommuner.map((k) => [k.code, k]));
  const parts = new Map<string, number>();
  for (const s of ref.stadsdelar) parts.set(s.kommun_code, (parts.get(s.kommun_code) ?? 0) + 1);
  const units: StaticUnit[] = [
    ...ref.kommuner.map((k) => ({
      code: k.code,
      name: k.name,
      kind: (parts.has(k.code) ? "storstad" : "kommun") as StaticUnit["kind"],
      lan_code: k.lan_code,
      lan_name: lan.get(k.lan_code) ?? "",
      kommun_code: k.code,
      kommun_name: k.name,
      kommungrupp: k.kommungrupp,
      kommungrupp_name: k.kommungrupp_name,
      stadsdelar: parts.get(k.code) ?? 0
    })),
    ...ref.stadsdelar.map((s) => {
      const city = kommun.get(s.kommun_code)!;
      return {
        code: s.code,
        name: s.name,
        kind: "stadsdel" as const,
        lan_code: city.lan_code,
        lan_name: lan.get(city.lan_code) ?? "",
        kommun_code: city.code,
        kommun_name: city.name,
        kommungrupp: city.kommungrupp,
        kommungrupp_name: city.kommungrupp_name,
        stadsdelar: 0
      };
    })
  ].map((u) => ({...u, label: unitLabel(u), kind_text: unitKindText(u)}));
  return new Map(units.map((u) => [u.code, u]));
}

type Token = {type: string; content: string; children: Token[] | null};
type CoreState = {tokens: Token[]; env: {params?: Record<string, string>} | undefined; Token: new (type: string, tag: string, nesting: number) => Token};

/**
 * The plugin: `markdownIt: (md) => md.use(unitPageText(staticUnits(reference)))`.
 * `variable` is the name pages use for the unit (default `unit`), `param` the
 * route parameter (default `kod`).
 */
export function unitPageText(units: Map<string, StaticUnit>, {param = "kod", variable = "unit"} = {}) {
  const pattern = new RegExp(`^\\s*${variable}\\.(${STATIC_FIELDS.join("|")})\\s*$`);
  return (md: MarkdownIt): void => {
    const rule = (state: CoreState) => {
      const code = state.env?.params?.[param];
      if (code === undefined) return;
      const unit = units.get(code);
      if (!unit) throw new Error(`no kommun or stadsdel with code ${JSON.stringify(code)} (route parameter ${param})`);
      const replace = (tokens: Token[]) => {
        for (let i = 0; i < tokens.length; i++) {
          const token = tokens[i]!;
          if (token.children) replace(token.children);
          if (token.type !== "placeholder") continue;
          const match = pattern.exec(token.content);
          if (!match) continue;
          const text = new state.Token("text", "", 0);
          text.content = String(unit[match[1] as (typeof STATIC_FIELDS)[number]]);
          tokens[i] = text;
        }
      };
      replace(state.tokens);
    };
    // Right after Framework's placeholder rule, so heading anchors and the page
    // title (the first <h1>'s text) see the replaced text.
    const ruler = md.core.ruler as unknown as {after(name: string, id: string, fn: typeof rule): void; push(id: string, fn: typeof rule): void; __find__(name: string): number};
    if (ruler.__find__("placeholder") >= 0) ruler.after("placeholder", "static_unit_text", rule);
    else ruler.push("static_unit_text", rule);
  };
}
