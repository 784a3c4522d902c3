import { announceCorpus } from './corpus';

export default function setup() {
  announceCorpus('Vitest');
}
