// Every e-mail the portal sends: French, HTML and text, signed with the town's name and the
// Guichet unique's contacts.
export type MailTown = { townName: string; portalName: string; guichetName: string; guichetPhone: string; guichetEmail: string };

export type MailContent = {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Extra lines after the action, e.g. how long a link is valid. */
  notes?: string[];
};

export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

export function renderMail(town: MailTown, content: MailContent): RenderedMail {
  const greeting = content.greeting ?? "Bonjour,";
  const signature = [
    `${town.guichetName} – ${town.townName}`,
    [town.guichetPhone && `Tél. ${town.guichetPhone}`, town.guichetEmail].filter(Boolean).join(" – "),
  ].filter(Boolean);

  const text = [
    greeting,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label} : ${content.action.url}`, ""] : []),
    ...(content.notes ?? []).flatMap((note) => [note, ""]),
    "Cordialement,",
    ...signature,
    "",
    `— ${town.portalName}, ${town.townName}. Ce message est envoyé automatiquement, merci de ne pas y répondre.`,
  ].join("\n");

  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;background:#f4f6fa;font-family:Arial,Helvetica,sans-serif;color:#1f2937">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:600px;background:#ffffff;border-radius:8px" cellpadding="0" cellspacing="0">
<tr><td style="background:#1e3a6e;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold">${escapeHtml(town.portalName)} – ${escapeHtml(town.townName)}</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.5">
<p>${escapeHtml(greeting)}</p>
${content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n")}
${content.action ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#b3162b;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${escapeHtml(content.action.label)}</a></p><p style="font-size:14px;color:#4b5563">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : ${escapeHtml(content.action.url)}</p>` : ""}
${(content.notes ?? []).map((note) => `<p style="font-size:14px;color:#4b5563">${escapeHtml(note)}</p>`).join("\n")}
<p>Cordialement,<br>${signature.map(escapeHtml).join("<br>")}</p>
</td></tr>
<tr><td style="padding:12px 24px;font-size:12px;color:#4b5563">Ce message est envoyé automatiquement, merci de ne pas y répondre.</td></tr>
</table></td></tr></table></body></html>`;

  return { subject: content.subject, text, html };
}
