export const DEFAULT_PG_ADMIN_URL: string;
export const CHROMIUM_PATH: string;
export function pgAdminUrl(): string;
export function probePostgres(): Promise<{ ok: true } | { ok: false; reason: string }>;
export function probeChromium(): { ok: true } | { ok: false; reason: string };
