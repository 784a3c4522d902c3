import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

/** How a response body is sent: what the page accepts, best first. */
export type BodyEncoding = 'br' | 'gzip' | 'identity';

export interface AcceptedEncodings {
  br: boolean;
  gzip: boolean;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export function preferredEncoding(accepts: AcceptedEncodings): BodyEncoding {
  return accepts.br ? 'br' : accepts.gzip ? 'gzip' : 'identity';
}

/**
 * Compresses a body. `fastest` for what is made per request or per load (on
 * loopback the time to compress matters more than the last bytes; brotli at
 * quality 1 is both quicker and smaller than gzip there), `smaller` for what is
 * made once at start-up and sent many times.
 */
export function compress(body: Buffer, encoding: BodyEncoding, effort: 'fastest' | 'smaller' = 'fastest'): Promise<Buffer> {
  if (encoding === 'br') {
    const quality = effort === 'fastest' ? 1 : 5;
    return brotliAsync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: quality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  if (encoding === 'gzip') return gzipAsync(body, { level: effort === 'fastest' ? 1 : 6 });
  return Promise.resolve(body);
}
