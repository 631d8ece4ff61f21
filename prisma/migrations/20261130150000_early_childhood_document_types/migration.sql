-- The supporting documents of a crèche request (SPEC §7, « Nouvelle demande d'inscription »):
-- certificat de grossesse (an « Enfant à naître ») or acte de naissance, justificatif de domicile,
-- dernier avis d'imposition (or the family's CAF number). Types staff may rename or retire like
-- any other; the request page looks them up by code. Kept when they already exist.
INSERT INTO "DocumentType" ("id", "code", "label", "scope", "mandatory", "active", "sortOrder", "helpText")
VALUES
  (gen_random_uuid()::text, 'AVIS_IMPOSITION', 'Avis d''imposition', 'FAMILY', false, true, 1, NULL),
  (gen_random_uuid()::text, 'CERTIFICAT_GROSSESSE', 'Certificat de grossesse', 'FAMILY', false, true, 20,
   'Pour une demande de place en crèche pour un enfant à naître : le certificat indiquant la date prévue de l''accouchement.'),
  (gen_random_uuid()::text, 'ACTE_NAISSANCE', 'Acte de naissance', 'CHILD', false, true, 21,
   'Un extrait d''acte de naissance ou la copie du livret de famille.'),
  (gen_random_uuid()::text, 'JUSTIFICATIF_DOMICILE', 'Justificatif de domicile', 'FAMILY', false, true, 22,
   'Une facture d''électricité, de gaz, d''eau ou de téléphone fixe de moins de 3 mois, ou une quittance de loyer.')
ON CONFLICT ("code") DO NOTHING;
