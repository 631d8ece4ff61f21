import { z } from "zod";

// A logo is shown in the header of every page: small images only, never SVG (a script-capable
// format served from our origin).
export const TOWN_LOGO_MAX_BYTES = 500 * 1024;

export const TOWN_LOGO_MESSAGES = {
  missing: "Choisissez une image (PNG, JPEG ou GIF).",
  tooLarge: "Le logo ne doit pas dépasser 500 Ko : réduisez l'image puis réessayez.",
  type: "Le logo doit être une image PNG, JPEG ou GIF.",
} as const;

export const ZTownLogoSchema = z.object({
  file: z
    .instanceof(File, { error: TOWN_LOGO_MESSAGES.missing })
    .refine((file) => file.size > 0, TOWN_LOGO_MESSAGES.missing)
    .refine((file) => file.size <= TOWN_LOGO_MAX_BYTES, TOWN_LOGO_MESSAGES.tooLarge),
});

export const ZRemoveTownLogoSchema = z.object({});
