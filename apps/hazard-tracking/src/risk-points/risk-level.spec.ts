import { lecLevel, matrixLevel, RiskLevel } from './risk-level';

describe('risk levels', () => {
  it('grades a likelihood × severity matrix', () => {
    expect(matrixLevel(5, 5)).toEqual({ score: 25, level: RiskLevel.RED });
    expect(matrixLevel(4, 5)).toEqual({ score: 20, level: RiskLevel.RED });
    expect(matrixLevel(3, 5)).toEqual({ score: 15, level: RiskLevel.ORANGE });
    expect(matrixLevel(3, 3)).toEqual({ score: 9, level: RiskLevel.YELLOW });
    expect(matrixLevel(2, 4)).toEqual({ score: 8, level: RiskLevel.BLUE });
  });

  it('grades LEC by D = L × E × C', () => {
    expect(lecLevel(6, 6, 15)).toEqual({ score: 540, level: RiskLevel.RED });
    expect(lecLevel(3, 6, 15)).toEqual({ score: 270, level: RiskLevel.ORANGE });
    expect(lecLevel(3, 3, 15)).toEqual({ score: 135, level: RiskLevel.YELLOW });
    expect(lecLevel(1, 6, 7)).toEqual({ score: 42, level: RiskLevel.BLUE });
    expect(lecLevel(0.5, 6, 40)).toEqual({ score: 120, level: RiskLevel.YELLOW });
  });
});
