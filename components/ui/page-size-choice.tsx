import { useId } from "react";

import { PAGE_SIZES } from "@/lib/http/page-size";

type Props = {
  pageSize: number;
  /** The list's rows in all, and those shown (1-based); total 0 reads « 0 élément ». */
  total: number;
  from?: number;
  to?: number;
  /** The page to go back to once chosen (its search kept, from page 1). */
  returnTo: string;
};

const elements = (count: number) => `${count} élément${count > 1 ? "s" : ""}`;

/**
 * The guide's « Afficher [5] éléments / page (de 1 à 5 sur 12 éléments) » under a parent's list: a
 * real choice of 5, 10 or 25, a GET form that works without JavaScript (lib/http/page-size.ts).
 */
export function PageSizeChoice({ pageSize, total, from = 0, to = 0, returnTo }: Props) {
  const id = useId();
  return (
    <form method="get" action="/api/taille-page" className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <input type="hidden" name="retour" value={returnTo} />
      {/* Named « Afficher éléments / page » (its value is read with it), the words on either side of the select. */}
      <span className="flex items-center gap-1">
        <span id={`${id}-before`}>Afficher</span>
        <select
          name="taille"
          defaultValue={String(pageSize)}
          aria-labelledby={`${id}-before ${id}-after`}
          className="rounded border border-gray-500 bg-white px-1 py-0.5"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <span id={`${id}-after`}>éléments / page</span>
      </span>
      <button
        type="submit"
        className="rounded border border-brand bg-white px-2 py-0.5 font-semibold text-brand hover:bg-blue-50"
      >
        Appliquer
      </button>
      <span>{total === 0 ? elements(0) : `(de ${from} à ${to} sur ${elements(total)})`}</span>
    </form>
  );
}
