import { Link } from 'react-router';
import { paths } from '../config/paths';

export function NotFound() {
  return (
    <div className="p-8">
      <h1 className="text-lg font-semibold">Nothing here</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        This address is not a page of Recording Inspector. <Link className="text-indigo-600 underline" to={paths.home()}>Go to the start page</Link>.
      </p>
    </div>
  );
}
