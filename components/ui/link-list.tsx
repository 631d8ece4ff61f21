import Link from "next/link";

export type LinkItem = { href: string; label: string };

/** A list of links (a menu): one item per link, in the order given. */
export function LinkList({
  links,
  className,
  linkClassName,
}: {
  links: readonly LinkItem[];
  className: string;
  linkClassName: string;
}) {
  return (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className={linkClassName}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
