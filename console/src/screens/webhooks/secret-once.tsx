import { CopyButton } from '../../ui/copy-button.js';
import { WarningIcon } from '../../ui/icons.js';

/** A signing secret shown this once, with a copy icon; `id` names the warning for aria-describedby. */
export function SecretOnce({ secret, id }: { secret: string; id: string }) {
  return (
    <>
      <p id={id} class="notice notice--platform">
        <WarningIcon />
        <span>
          Copy this signing secret now and give it to the receiving application: it verifies every delivery with it.{' '}
          <strong>It will not be shown again.</strong>
        </span>
      </p>
      <div class="secret-box">
        <code data-testid="webhook-secret">{secret}</code>
        <CopyButton text={secret} label="signing secret" />
      </div>
    </>
  );
}
