import { useId, type ReactNode } from 'react';

export interface ButtonProps {
  children: ReactNode;
  variant?: 'primary' | 'secondary';
  onClick?: () => void;
  /** When set, the button is disabled and this sentence says why (read out and shown on hover). */
  disabledReason?: string;
  href?: string;
}

/** A button or, with `href`, a link styled as one. Never a button that silently does nothing. */
export function Button({ children, variant = 'secondary', onClick, disabledReason, href }: ButtonProps) {
  const reasonId = useId();
  const className = `btn btn-${variant}`;
  if (disabledReason) {
    return (
      <span className="btn-wrap">
        <button
          type="button"
          className={className}
          disabled
          aria-describedby={reasonId}
          title={disabledReason}
        >
          {children}
        </button>
        <span id={reasonId} className="visually-hidden">
          {disabledReason}
        </span>
      </span>
    );
  }
  if (href) {
    return (
      <a className={className} href={href}>
        {children}
      </a>
    );
  }
  return (
    <button type="button" className={className} onClick={onClick}>
      {children}
    </button>
  );
}
