import { pathDoesNotDecode, urlCarriesNulByte } from "./url-guard";

const guards = {
  urlCarriesNulByte: {
    guard: urlCarriesNulByte,
    turnedAway: [
      "http://portail.test/espace/reservations?enfant=%2Fe%00",
      "http://portail.test/admin/familles?q=%00",
      "http://portail.test/admin/familles?%00=1",
      "http://portail.test/espace/enfants/%00",
      "http://portail.test/espace/reservations?periode=abc%00def",
    ],
    letThrough: [
      "http://portail.test/espace/reservations?enfant=4b7e5161-0000-4000-8000-000000000001",
      "http://portail.test/admin/familles?q=%25TEST%25",
      "http://portail.test/admin/listes?date=2026-12-14",
      "http://portail.test/espace/reservations?recherche=%C3%A9t%C3%A9%200",
    ],
  },
  pathDoesNotDecode: {
    guard: pathDoesNotDecode,
    turnedAway: [
      "http://portail.test/espace/enfants/%C0%AF",
      "http://portail.test/admin/familles/%E9",
      "http://portail.test/espace/%",
    ],
    letThrough: [
      "http://portail.test/espace/enfants/4b7e5161-0000-4000-8000-000000000001",
      "http://portail.test/espace/enfants/%C3%A9t%C3%A9",
      "http://portail.test/espace/enfants/..%2F..%2Fetc",
      "http://portail.test/admin/familles?q=%C0%AF",
    ],
  },
};

describe.each(Object.entries(guards))("%s", (_name, { guard, turnedAway, letThrough }) => {
  it.each(turnedAway)("turns %s away", (address) => {
    expect(guard(new URL(address))).toBe(true);
  });

  it.each(letThrough)("lets %s through", (address) => {
    expect(guard(new URL(address))).toBe(false);
  });
});
