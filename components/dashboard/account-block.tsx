import { LinkList } from "@/components/ui/link-list";
import { Panel } from "@/components/ui/panel";

/** INFORMATIONS DU COMPTE (guide): the three account menus. */
export function AccountBlock() {
  const links = [
    { href: "/espace/famille", label: "Modifier les informations de la famille" },
    { href: "/espace/compte/identifiant", label: "Modifier mon login (adresse mail)" },
    { href: "/espace/compte/mot-de-passe", label: "Modifier mon mot de passe" },
    { href: "/espace/compte", label: "Mes dernières connexions" },
  ];
  return (
    <Panel title="Informations du compte">
      <LinkList links={links} className="space-y-2" linkClassName="text-brand underline underline-offset-2 hover:no-underline" />
      <p className="mt-3 text-sm text-muted">Conseil : lors de votre première connexion, modifiez votre mot de passe.</p>
    </Panel>
  );
}
