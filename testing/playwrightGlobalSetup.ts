import { announceCorpus } from './corpus';

export default function globalSetup() {
  announceCorpus('Playwright');
}
