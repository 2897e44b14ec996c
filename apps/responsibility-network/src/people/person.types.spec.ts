import { maskPhone } from './person.types';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a landline the same way', () => {
    expect(maskPhone('0571-87654321')).toBe('057****4321');
  });

  it('keeps only the last two digits of a short number', () => {
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('87654321')).toBe('******21');
    expect(maskPhone('110')).toBe('*10');
    expect(maskPhone('')).toBe('');
  });
});
