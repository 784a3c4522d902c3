// The playback feature's public face: other features import from here only.
export { Player } from './Player';
