import fs from "node:fs";
import path from "node:path";

import { renderDefaultIcon, townInitial } from "./default-icon";

describe("the town's default icon", () => {
  it("takes the initial of the town's own name, not of « Ville de »", () => {
    expect(townInitial("Ville de Rodez")).toBe("R");
    expect(townInitial("Commune d'Onet-le-Château")).toBe("O");
    expect(townInitial("Mairie de la Primaube")).toBe("P");
    expect(townInitial("Villefranche-de-Rouergue")).toBe("V");
    expect(townInitial("  éguilles")).toBe("É");
    expect(townInitial("")).toBe("P");
  });

  it("writes the initial and the colour into the committed SVG, and nothing else from the settings", () => {
    const template = fs.readFileSync(path.join(__dirname, "default-icon.svg"), "utf8");
    const svg = renderDefaultIcon(template, { townName: "Ville de Rodez", primaryColor: "#1e3a6e" });
    expect(svg).toContain('fill="#1e3a6e"');
    expect(svg).toContain(">R</text>");
    expect(svg).not.toContain("{{");
    const odd = renderDefaultIcon(template, { townName: "<script>", primaryColor: '"/><script>' });
    expect(odd).not.toContain("<script>");
    expect(odd).toContain('fill="#1e3a6e"');
  });
});
