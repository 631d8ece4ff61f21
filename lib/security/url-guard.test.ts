import { pathDoesNotDecode, urlCarriesNulByte } from "./url-guard";

describe("urlCarriesNulByte", () => {
  it.each([
    "http://portail.test/espace/reservations?enfant=%2Fe%00",
    "http://portail.test/admin/familles?q=%00",
    "http://portail.test/admin/familles?%00=1",
    "http://portail.test/espace/enfants/%00",
    "http://portail.test/espace/reservations?periode=abc%00def",
  ])("turns %s away", (address) => {
    expect(urlCarriesNulByte(new URL(address))).toBe(true);
  });

  it.each([
    "http://portail.test/espace/reservations?enfant=4b7e5161-0000-4000-8000-000000000001",
    "http://portail.test/admin/familles?q=%25TEST%25",
    "http://portail.test/admin/listes?date=2026-12-14",
    "http://portail.test/espace/reservations?recherche=%C3%A9t%C3%A9%200",
  ])("lets %s through", (address) => {
    expect(urlCarriesNulByte(new URL(address))).toBe(false);
  });
});

describe("pathDoesNotDecode", () => {
  it.each([
    "http://portail.test/espace/enfants/%C0%AF",
    "http://portail.test/admin/familles/%E9",
    "http://portail.test/espace/%",
  ])("turns %s away", (address) => {
    expect(pathDoesNotDecode(new URL(address))).toBe(true);
  });

  it.each([
    "http://portail.test/espace/enfants/4b7e5161-0000-4000-8000-000000000001",
    "http://portail.test/espace/enfants/%C3%A9t%C3%A9",
    "http://portail.test/espace/enfants/..%2F..%2Fetc",
    "http://portail.test/admin/familles?q=%C0%AF",
  ])("lets %s through", (address) => {
    expect(pathDoesNotDecode(new URL(address))).toBe(false);
  });
});
