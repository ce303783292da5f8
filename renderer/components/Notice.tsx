import { useEffect } from 'react';
import { useNoticeStore } from '../stores/notice-store';

const VISIBLE_MS = 8_000;

export function Notice() {
  const notice = useNoticeStore((state) => state.notice);
  const dismiss = useNoticeStore((state) => state.dismiss);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dismiss(notice.id), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="notice-region" role="alert">
      {notice ? (
        <div className="notice" data-tone={notice.tone}>
          <span>{notice.text}</span>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => dismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
