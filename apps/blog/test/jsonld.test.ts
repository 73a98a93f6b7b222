import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../app/lib/jsonld';

describe('serializeJsonLd', () => {
  it('cannot close the script element or open a comment, and stays the same JSON value', () => {
    const value = { name: 'Pain </script><script>alert(1)</script> <!-- & \u2028 done' };
    const serialized = serializeJsonLd(value);
    expect(serialized).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(serialized)).toEqual(value);
  });
});
