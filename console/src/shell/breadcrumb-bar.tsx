import { iamNeighbours, type IamScreen } from '../routing/iam-screens.js';
import { Link, navigate } from '../routing/router.js';
import { ChevronLeftIcon, ChevronRightIcon } from '../ui/icons.js';

/**
 * "IT Settings › IAM Settings › ‹ SCIM2 ›" (O3): the arrows step to the previous / next IAM screen
 * the operator may open, without the menu. An arrow with nowhere to go is shown but disabled.
 */
export function BreadcrumbBar({ current, visible }: { current: IamScreen; visible: readonly IamScreen[] }) {
  const { previous, next } = iamNeighbours(current.path, visible);
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li>IT Settings</li>
        <li aria-hidden="true" class="breadcrumb__separator">
          ›
        </li>
        <li>
          {visible[0] ? <Link href={visible[0].path}>IAM Settings</Link> : 'IAM Settings'}
        </li>
        <li aria-hidden="true" class="breadcrumb__separator">
          ›
        </li>
        <li class="breadcrumb__current">
          <StepButton target={previous} direction="previous" />
          <span aria-current="page">{current.label}</span>
          <StepButton target={next} direction="next" />
        </li>
      </ol>
    </nav>
  );
}

function StepButton({ target, direction }: { target?: IamScreen; direction: 'previous' | 'next' }) {
  const label = target ? `${direction === 'previous' ? 'Previous' : 'Next'} IAM screen: ${target.label}` : `No ${direction} IAM screen`;
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={label}
      title={label}
      disabled={!target}
      data-testid={`breadcrumb-${direction}`}
      onClick={() => target && navigate(target.path)}
    >
      {direction === 'previous' ? <ChevronLeftIcon /> : <ChevronRightIcon />}
    </button>
  );
}
