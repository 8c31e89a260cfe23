// @ts-check
// The colours of the comparison tool and the unit pages: one per chosen unit,
// and a colour and dash per reference (kommungrupp, län, riket). Tables, charts
// and legends read them from here, so a unit keeps its colour everywhere.
export const UNIT_COLORS = ["#1f5fa8", "#d9730d", "#2e8540", "#b0267a", "#6b4fbb"];
export const REFERENCE_STYLE = {
  grupp: {color: "#7a7a7a", dash: "6,3"},
  län: {color: "#a3a3a3", dash: "2,3"},
  riket: {color: "#2b2b2b", dash: null}
};
