export type ServiceAnswer = { ok: true } | { ok: false; reason: string };
export const DEFAULT_PG_ADMIN_URL: string;
export const CHROMIUM_PATH: string;
export function pgAdminUrl(): string;
export function requireAll(env?: Record<string, string | undefined>): boolean;
export function probePostgres(): Promise<ServiceAnswer>;
export function probeChromium(): ServiceAnswer;
export function servicesEnv(services: { postgres: ServiceAnswer; chromium: ServiceAnswer }): Record<string, string>;
export function testServices(
  env?: Record<string, string | undefined>,
): Promise<{ postgres: ServiceAnswer; chromium: ServiceAnswer }>;
