import { consentParagraphs } from "@/lib/consents/consent-kinds";

/**
 * A statement's text as the family reads it: one paragraph per block separated by an empty line,
 * line breaks kept, the statement's title in bold before the first one (« RÈGLEMENTS : … »).
 * Plain text: React escapes it, nothing in a body is HTML.
 */
export function ConsentBody({ body, lead, id, className }: { body: string; lead?: string; id?: string; className?: string }) {
  const paragraphs = consentParagraphs(body);
  return (
    <div id={id} className={className ?? "space-y-2"}>
      {paragraphs.map((lines, index) => (
        <p key={index}>
          {index === 0 && lead ? <strong>{lead} : </strong> : null}
          {lines.map((line, lineIndex) => (
            <span key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
