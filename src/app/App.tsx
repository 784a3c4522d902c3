import { lazy, Suspense } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './AppLayout';
import { BrowseFrame } from './BrowseFrame';
import { BrowseEmpty } from '../features/browse';
import { RecordingPage, TestPage } from '../features/recording';
import { ComparePage } from '../features/compare';
import { NotFound } from './NotFound';
import { ServedFolderLive } from '../features/served-folder';
import { routePatterns } from '../config/paths';

// Replay keys (i12): the dead-weight report loads only when visited.
const DeadWeightPage = lazy(() => import('../features/replay-keys/DeadWeightPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Recordings are local files: no refetch on focus, no retries on a parse that failed once.
      refetchOnWindowFocus: false,
      retry: false,
      staleTime: Infinity,
      gcTime: 60_000,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        element: <BrowseFrame />,
        children: [
          { path: routePatterns.home, element: <BrowseEmpty /> },
          { path: routePatterns.browse, element: <BrowseEmpty /> },
          { path: routePatterns.recording, element: <RecordingPage /> },
          { path: routePatterns.test, element: <TestPage /> },
        ],
      },
      { path: routePatterns.compare, element: <ComparePage /> },
      { path: routePatterns.deadWeight, element: <Suspense fallback={null}><DeadWeightPage /></Suspense> },
      { path: routePatterns.notFound, element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <ServedFolderLive />
    </QueryClientProvider>
  );
}
