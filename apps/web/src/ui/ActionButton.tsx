import type { ButtonHTMLAttributes } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> & { unavailable?: boolean };

/**
 * A button that stays focusable when it does not apply right now (`aria-disabled`, clicks
 * ignored), so a keyboard user's focus is not thrown back to the page when, say, "Start"
 * stops applying because it was just pressed.
 */
export function ActionButton({ unavailable = false, onClick, type = 'button', ...rest }: Props) {
  return (
    <button
      type={type}
      aria-disabled={unavailable || undefined}
      onClick={(event) => {
        if (unavailable) event.preventDefault();
        else onClick?.(event);
      }}
      {...rest}
    />
  );
}
