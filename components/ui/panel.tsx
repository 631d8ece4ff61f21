import { useId } from "react";

/** A titled block, as on the guide's dashboard (dark header band, white body). */
export function Panel({ title, actions, children }: { title: string; actions?: React.ReactNode; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="overflow-hidden rounded-lg bg-white shadow">
      <div className="flex flex-wrap items-center justify-between gap-2 bg-brand px-4 py-3 text-white">
        <h2 id={id} className="text-base font-bold uppercase">
          {title}
        </h2>
        {actions}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}
