import { describe, expect, it } from 'vitest';
import { predict, trainLogistic, type Example } from './logistic.js';

describe('trainLogistic', () => {
  const examples: Example[] = [
    ...Array.from({ length: 20 }, () => ({ features: ['bias', 'good'], label: 1 as const })),
    ...Array.from({ length: 20 }, () => ({ features: ['bias', 'bad'], label: 0 as const })),
    { features: ['bias', 'good', 'bad'], label: 1 },
  ];

  it('learns which feature marks the positive class', () => {
    const w = trainLogistic(examples, { l2: 0.01 });
    expect(predict(w, ['bias', 'good'])).toBeGreaterThan(0.9);
    expect(predict(w, ['bias', 'bad'])).toBeLessThan(0.1);
  });

  it('shrinks weights as the penalty grows', () => {
    const loose = trainLogistic(examples, { l2: 0.001 });
    const tight = trainLogistic(examples, { l2: 1 });
    expect(Math.abs(tight.good!)).toBeLessThan(Math.abs(loose.good!));
  });

  it('lets a heavier example pull harder', () => {
    const split: Example[] = [
      { features: ['bias', 'x'], label: 1, weight: 3 },
      { features: ['bias', 'x'], label: 0, weight: 1 },
    ];
    expect(predict(trainLogistic(split, { l2: 0.001 }), ['bias', 'x'])).toBeCloseTo(0.75, 1);
  });
});
