// Everything a page or a route handler reads from its address — a route segment (`[id]`) or a
// search param (`?enfant=`) — is typed by the visitor, so it reaches the database only through
// these parsers. A malformed value comes back as null, never as a query PostgreSQL refuses: a
// NUL byte in a text value is SQLSTATE 22021, and answered 500 on the parents' reservation pages.
// Pure, so that it is unit-tested; the pages decide what null means (their 404, or the filter
// left out as if absent).
import { notFound } from "next/navigation";

import { isCalendarDay, type CalendarDay } from "@/lib/dates/calendar-day";

/** A route segment or a search param as Next.js hands it over (`?a=1&a=2` is an array). */
export type TUrlValue = string | string[] | undefined;
/** The `searchParams` of a page. */
export type TSearchParams = Record<string, TUrlValue>;

/** Every key of the database is a UUID (`@default(uuid())` in prisma/schema.prisma), lower case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** C0 controls (NUL among them) and DEL: no name, search or label of the portal holds one. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One value: a repeated param (`?enfant=a&enfant=b`) is not one. */
function single(value: TUrlValue): string | null {
  return typeof value === "string" ? value : null;
}

/** A record's id (a UUID), or null for anything else: empty, too long, `../`, a NUL byte, a list. */
export function parseId(value: TUrlValue): string | null {
  const text = single(value);
  return text !== null && UUID.test(text) ? text : null;
}

/** A page's record id from its address, or the page's 404 (`/espace/enfants/[id]`). */
export function requireId(value: TUrlValue): string {
  return parseId(value) ?? notFound();
}

/** A calendar day `YYYY-MM-DD` that exists (not 2026-02-30), or null. */
export function parseDay(value: TUrlValue): CalendarDay | null {
  const text = single(value);
  return text !== null && isCalendarDay(text) ? text : null;
}

/** A page number of a paged list (the list clamps it to its last page); 1 for anything that is not one. */
export function parsePage(value: TUrlValue): number {
  const text = single(value);
  return text !== null && /^\d{1,6}$/.test(text) && Number(text) >= 1 ? Number(text) : 1;
}

/** Free text (a name searched for, a filter): trimmed, printable, at most `maxLength`; null when empty or not. */
export function parseText(value: TUrlValue, maxLength = 200): string | null {
  const text = single(value)?.trim();
  if (!text || text.length > maxLength || CONTROL.test(text)) return null;
  return text;
}

/** One of the values a page knows (a status, a sort order, a flag), or null. */
export function parseChoice<T extends string>(value: TUrlValue, choices: readonly T[]): T | null {
  const text = single(value);
  return text !== null && (choices as readonly string[]).includes(text) ? (text as T) : null;
}

/**
 * The search params as plain text, for a page that hands them to its zod schema: each param
 * kept only when it is a single printable value of at most `maxLength` characters, so that the
 * schema never sees a list, a NUL byte or a 5,000-character value.
 */
export function searchParamsText(params: TSearchParams, maxLength = 500): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const text = single(value);
    if (text !== null && text.length <= maxLength && !CONTROL.test(text)) kept[key] = text;
  }
  return kept;
}
