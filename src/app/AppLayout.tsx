import { Link, NavLink, Outlet } from 'react-router';
import { IndexStatus, OpenFolderButton, OpenProblemBanner, PageDropZone } from '../features/open-folder';
import { ThemeToggle } from '../shared/ui/ThemeToggle';
import { PanelBoundary } from '../shared/ui/PanelBoundary';
import { paths } from '../config/paths';

export function AppLayout() {
  return (
    <div className="flex h-full flex-col">
      <header className="flex h-11 shrink-0 items-center gap-3 border-b border-zinc-200 bg-zinc-50 px-3 dark:border-zinc-800 dark:bg-zinc-900">
        <Link to={paths.home()} className="flex items-center gap-2 font-semibold text-zinc-900 dark:text-zinc-50">
          <img src="/favicon.svg" alt="" className="h-5 w-5" />
          Recording Inspector
        </Link>
        <nav className="flex items-center gap-1 text-[13px]">
          <NavLink
            to={paths.browse()}
            className={({ isActive }) => `rounded px-2 py-1 ${isActive ? 'bg-zinc-200 dark:bg-zinc-800' : 'hover:bg-zinc-200/70 dark:hover:bg-zinc-800'}`}
          >
            Browse
          </NavLink>
          <NavLink
            to={paths.compare()}
            className={({ isActive }) => `rounded px-2 py-1 ${isActive ? 'bg-zinc-200 dark:bg-zinc-800' : 'hover:bg-zinc-200/70 dark:hover:bg-zinc-800'}`}
          >
            Compare
          </NavLink>
        </nav>
        <div className="min-w-0 flex-1">
          <IndexStatus />
        </div>
        <OpenFolderButton />
        <ThemeToggle />
      </header>
      <OpenProblemBanner />
      <main className="min-h-0 flex-1">
        <PanelBoundary panel="page">
          <Outlet />
        </PanelBoundary>
      </main>
      <PageDropZone />
    </div>
  );
}
