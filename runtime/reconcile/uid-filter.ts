// A Bloom filter of uids: "certainly not added" or "maybe added", in a fixed 1 MiB whatever the
// number of uids, so that memory stays flat. With 100k uids one lookup in 180,000 answers
// "maybe" wrongly, with 1M one in 40; a wrong "maybe" only costs the caller a store read.
const bits = 1 << 23;
const hashes = 4;

export class UidFilter {
  private readonly words = new Uint32Array(bits >>> 5);

  add(uid: string): void {
    const [a, b] = twoHashes(uid);
    for (let i = 0; i < hashes; i++) {
      const bit = (a + i * b) & (bits - 1);
      this.words[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  mayHave(uid: string): boolean {
    const [a, b] = twoHashes(uid);
    for (let i = 0; i < hashes; i++) {
      const bit = (a + i * b) & (bits - 1);
      if ((this.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/**
 * Two 32-bit string hashes with different multipliers (FNV-1a's and MurmurHash2's), each
 * finished with murmur3's avalanche; the second is odd, so that the probes of double hashing differ.
 */
function twoHashes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return [avalanche(a), avalanche(b) | 1];
}

function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
