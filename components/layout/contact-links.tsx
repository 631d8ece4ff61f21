/** An e-mail address as a link that opens the visitor's mail program. */
export function MailLink({ email }: { email: string }) {
  return (
    <a className="text-brand underline" href={`mailto:${email}`}>
      {email}
    </a>
  );
}

/** A phone number as a link that dials it on a phone ("05 65 77 88 78" → tel:0565778878). */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a className="text-brand underline" href={`tel:${phone.replace(/\s/g, "")}`}>
      {phone}
    </a>
  );
}
