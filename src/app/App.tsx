import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './AppLayout';
import { BrowseFrame } from './BrowseFrame';
import { BrowseEmpty } from '../features/browse/BrowseLayout';
import { RecordingPage } from '../features/recording/RecordingPage';
import { TestPage } from '../features/recording/TestPage';
import { ComparePage } from '../features/compare/ComparePage';
import { NotFound } from './NotFound';
import { ServedFolderLive } from '../features/served-folder';

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
          { path: '/', element: <BrowseEmpty /> },
          { path: '/browse', element: <BrowseEmpty /> },
          { path: '/r/*', element: <RecordingPage /> },
          { path: '/t/:testKey', element: <TestPage /> },
        ],
      },
      { path: '/compare', element: <ComparePage /> },
      { path: '*', element: <NotFound /> },
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
