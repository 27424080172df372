import { progressPercent } from '../lib/progress.js';

export function ProgressBar({ done, total, label, verb = 'deleted' }: { done: number; total: number; label: string; verb?: string }) {
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
        aria-valuetext={`${done} of ${total}`}
      >
        <div class="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <span class="muted">
        {done} of {total} {verb} ({percent}%)
      </span>
    </div>
  );
}
