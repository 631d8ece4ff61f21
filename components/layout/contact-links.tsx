// Touch targets at least 24 px high (WCAG 2.5.8; Lighthouse's « target-size » flagged the home page's
// useful contacts, a phone and an e-mail link one above the other).

/** An e-mail address as a link that opens the visitor's mail program. */
export function MailLink({ email }: { email: string }) {
  return (
    <a className="inline-block py-1 text-brand underline" href={`mailto:${email}`}>
      {email}
    </a>
  );
}

/** A phone number as a link that dials it on a phone ("05 65 77 88 78" → tel:0565778878). */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className="inline-block py-1 text-brand underline" href={`tel:${phone.replace(/\s/g, "")}`}>
      {phone}
    </a>
  );
}
