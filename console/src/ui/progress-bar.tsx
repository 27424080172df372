import { formatCount } from '../lib/format-number.js';
import { progressPercent } from '../lib/progress.js';

/** The fill and the text show the same whole percent; no transition, so the fill never lags the text. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = progressPercent(done, total);
  return (
    <div class="progress">
      <div
        class="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)} of ${formatCount(total)}`}
      >
        <div class="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span class="muted">
        {formatCount(done)} of {formatCount(total)} deleted ({percent}%)
      </span>
    </div>
  );
}
