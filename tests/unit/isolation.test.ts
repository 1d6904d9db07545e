import { describe, expect, it } from 'vitest';
import { allocateSubnet } from '@/sandbox/isolation';

describe('allocateSubnet', () => {
  it('takes the first /28 of the pool when nothing is in use', () => {
    expect(allocateSubnet('10.213.0.0/16', [])).toEqual({
      subnet: '10.213.0.0/28',
      gateway: '10.213.0.1',
      sandboxIp: '10.213.0.2',
    });
  });

  it('skips subnets that overlap any network already on the engine', () => {
    const used = ['10.213.0.0/28', '10.213.0.16/28', '172.17.0.0/16', '10.213.0.40/29'];
    expect(allocateSubnet('10.213.0.0/16', used).subnet).toBe('10.213.0.48/28');
  });

  it('treats a wider network that covers the pool start as used', () => {
    expect(allocateSubnet('10.213.0.0/16', ['10.213.0.0/24']).subnet).toBe('10.213.1.0/28');
  });

  it('fails clearly when the pool is exhausted', () => {
    expect(() => allocateSubnet('10.213.0.0/16', ['10.213.0.0/16'])).toThrow(/no free \/28 left in 10.213.0.0\/16/);
  });
});
