import Link from "next/link";

import { ActionForm, type FormDataAction } from "@/components/admin/action-form";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Panel } from "@/components/ui/panel";

// The shape the staff's settings lists share (régies, écoles, types de documents, textes
// d'engagement): a panel with its « Créer … » link, the empty list said, a scrollable boxed table,
// and each row's « Modifier » link with « Supprimer » while nothing uses the row.

const createLink = "inline-block rounded bg-white px-3 py-1 font-semibold text-brand hover:bg-blue-50";

/** A panel listing what the staff sets: its « Créer … » link in the header, `empty` when there is nothing yet. */
export function StaffListPanel({
  title,
  create,
  isEmpty,
  empty,
  children,
}: {
  title: string;
  create?: { href: string; label: string };
  isEmpty?: boolean;
  /** Said when the list is empty (« Aucune régie. »). */
  empty?: string;
  children: React.ReactNode;
}) {
  return (
    <Panel
      title={title}
      actions={
        create ? (
          <Link href={create.href} className={createLink}>
            {create.label}
          </Link>
        ) : undefined
      }
    >
      {isEmpty ? <p className="text-muted">{empty}</p> : children}
    </Panel>
  );
}

/** A boxed staff table in a focusable region that scrolls sideways on a phone. */
export function StaffTable({
  label,
  className,
  caption,
  columns,
  children,
}: {
  /** The region's accessible name (« Tableau des régies »). */
  label: string;
  className: string;
  caption: string;
  columns: Column[];
  children: React.ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      <DataTable className={className} look="boxed" headClassName="bg-gray-100" caption={caption} columns={columns}>
        {children}
      </DataTable>
    </div>
  );
}

/** A row's actions: « Modifier » (its link named for the row) and, when `remove` is given, « Supprimer » confirmed. */
export function EditDeleteCell({
  editHref,
  editLabel,
  remove,
}: {
  editHref: string;
  /** The link's accessible name (« Modifier la régie Périscolaire »). */
  editLabel: string;
  remove?: { action: FormDataAction; id: string; confirmMessage: string };
}) {
  return (
    <td className="space-y-2 p-2">
      <Link href={editHref} className="underline" aria-label={editLabel}>
        Modifier
      </Link>
      {remove ? (
        <ActionForm
          action={remove.action}
          submitLabel="Supprimer"
          variant="danger"
          confirmMessage={remove.confirmMessage}
          hiddenFields={{ id: remove.id }}
        />
      ) : null}
    </td>
  );
}
