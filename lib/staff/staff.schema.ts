import { z } from "zod";

export const ZStaffRoleSchema = z.enum(["AGENT", "ADMIN"], { error: "Choisissez un rôle." });

export const ZCreateStaffSchema = z.object({
  firstName: z.string({ error: "Le prénom est obligatoire." }).trim().min(1, "Le prénom est obligatoire.").max(100),
  lastName: z.string({ error: "Le nom est obligatoire." }).trim().min(1, "Le nom est obligatoire.").max(100),
  email: z
    .string({ error: "L'adresse e-mail est obligatoire." })
    .trim()
    .toLowerCase()
    .pipe(z.email("L'adresse e-mail n'est pas valide.")),
  role: ZStaffRoleSchema,
});
export type TCreateStaff = z.input<typeof ZCreateStaffSchema>;

export const ZStaffRoleChangeSchema = z.object({ userId: z.uuid(), role: ZStaffRoleSchema });
export const ZStaffActiveSchema = z.object({
  userId: z.uuid(),
  active: z.union([z.literal("true"), z.literal("false"), z.boolean()]).transform((value) => value === true || value === "true"),
});

export const ZStaffSecondFactorResetSchema = z.object({ userId: z.uuid() });
