import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A compact header's menu: one button (its name says what is inside) that shows and hides a panel.
 * Escape or a click outside closes it, and focus goes back to the button on Escape.
 */
export function HeaderMenu({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  return (
    <div className="header-menu" ref={box}>
      <button
        ref={button}
        type="button"
        className="secondary header-menu-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        data-view-only
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true" className="header-menu-icon" />
        <span className="header-menu-name" aria-hidden="true">
          {name}
        </span>
      </button>
      <div id={id} className="header-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
