import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './AppLayout';
import { BrowseFrame } from './BrowseFrame';
import { BrowseEmpty } from '../features/browse/BrowseLayout';
import { NotFound } from './NotFound';

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
          // Pages load on first visit, so the first paint waits only for the browser.
          { path: '/r/*', lazy: async () => ({ Component: (await import('../features/recording/RecordingPage')).RecordingPage }) },
          { path: '/t/:testKey', lazy: async () => ({ Component: (await import('../features/recording/TestPage')).TestPage }) },
        ],
      },
      { path: '/compare', lazy: async () => ({ Component: (await import('../features/compare/ComparePage')).ComparePage }) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
