import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { readAddress, type AppAddress } from '../config/paths';

/** What the current address names (recording path, test key, …), decoded without throwing. */
export function useAppAddress(): AppAddress {
  const { pathname } = useLocation();
  return useMemo(() => readAddress(pathname), [pathname]);
}
