import type { ReactNode } from 'react';

export function Section({ id, title, actions, children }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="mb-2 flex items-center gap-2">
        <h2 id={`${id}-title`} className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
          {title}
        </h2>
        <div className="flex flex-1 items-center justify-end gap-1">{actions}</div>
      </div>
      {children}
    </section>
  );
}
