// The icon a town has until it uploads a logo: its initial, white on its colour, from the SVG
// template lib/town/default-icon.svg. Pure: the caller reads the template and the settings.

const NAME_PREFIX = /^(ville|commune|mairie|cité)\s+(de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+|des\s+)?/i;

/** "Ville de Rodez" → "R", "Commune d'Onet-le-Château" → "O"; "P" (Portail) when there is no letter. */
export function townInitial(townName: string): string {
  const name = townName.trim().replace(NAME_PREFIX, "");
  const letter = name.match(/\p{L}/u)?.[0] ?? "P";
  return letter.toLocaleUpperCase("fr-FR");
}

export function renderDefaultIcon(template: string, town: { townName: string; primaryColor: string }): string {
  // Both are settled here, never copied raw into the SVG: one letter, one #rrggbb colour.
  const colour = /^#[0-9a-f]{6}$/i.test(town.primaryColor) ? town.primaryColor : "#1e3a6e";
  return template.replaceAll("{{colour}}", colour).replaceAll("{{initial}}", townInitial(town.townName));
}
